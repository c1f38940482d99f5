import { ValidationError } from '@peermap/domain';
import busboy from 'busboy';
import { HttpProblem } from './problems';

/** What one synchronous upload may carry: a Lambda takes 6 MB, base64 makes it smaller still. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
const MAX_PARTS = 10;

const broken = () =>
  new ValidationError('The multipart body could not be read: send it again as multipart/form-data.', [
    { path: '(body)', message: 'is not a complete multipart body' },
  ]);

const sentTwice = (name: string) => {
  const part = name.slice(0, 80);
  return new ValidationError(`The part "${part}" is sent twice: send each part once, and nothing was written.`, [
    { path: part, message: 'is sent twice' },
  ]);
};

/**
 * The files of a `multipart/form-data` body, by part name, read with busboy. Size and part
 * count are limited (413), a body that is not multipart is refused (415), a broken or
 * truncated one is invalid (400), and a part name may appear once (a second copy would leave
 * which one counts to chance), so a repeat is invalid whatever its file name.
 */
export async function readMultipart(
  body: string | undefined,
  isBase64Encoded: boolean,
  contentType: string | undefined,
): Promise<Map<string, Uint8Array>> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the sheets as multipart/form-data.');
  }
  const bytes = Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new HttpProblem(413, 'Upload too large', `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  return new Promise((resolve, reject) => {
    const files = new Map<string, Uint8Array>();
    const tooMany = () =>
      reject(new HttpProblem(413, 'Upload too large', `An upload may hold at most ${MAX_PARTS} parts.`));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { files: MAX_PARTS, fields: MAX_PARTS, parts: MAX_PARTS, fileSize: MAX_UPLOAD_BYTES },
      });
    } catch {
      reject(broken());
      return;
    }
    // A name counts when its part begins: the parts of one body arrive before the first has
    // ended, so a check against the finished files would let the last copy win.
    const named = new Set<string>();
    const isRepeat = (name: string) => {
      if (!named.has(name)) {
        named.add(name);
        return false;
      }
      reject(sentTwice(name));
      return true;
    };
    parser.on('file', (name, stream) => {
      if (isRepeat(name)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        reject(new HttpProblem(413, 'Upload too large', 'A file is larger than an upload may be.')),
      );
      stream.on('error', () => reject(broken()));
      stream.on('end', () => files.set(name, new Uint8Array(Buffer.concat(chunks))));
    });
    parser.on('field', isRepeat);
    parser.on('filesLimit', tooMany);
    parser.on('partsLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('error', () => reject(broken()));
    parser.on('close', () => resolve(files));
    parser.end(bytes);
  });
}
