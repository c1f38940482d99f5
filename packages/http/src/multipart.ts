import busboy from 'busboy';
import { HttpProblem } from './problems';

/** What one synchronous upload may carry: a Lambda takes 6 MB, base64 makes it smaller still. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
const MAX_PARTS = 10;

/**
 * The files of a `multipart/form-data` body, by part name, read with busboy. Size, part count
 * and media type are limited and refused with their own status; form fields are ignored.
 */
export async function readMultipart(
  body: string | undefined,
  isBase64Encoded: boolean,
  contentType: string | undefined,
): Promise<Record<string, Uint8Array>> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
    throw new HttpProblem(415, 'Unsupported media type', 'Send the sheets as multipart/form-data.');
  }
  const bytes = Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new HttpProblem(413, 'Upload too large', `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  return new Promise((resolve, reject) => {
    const files: Record<string, Uint8Array> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { files: MAX_PARTS, fileSize: MAX_UPLOAD_BYTES, parts: MAX_PARTS * 2 },
      });
    } catch {
      reject(new HttpProblem(415, 'Unsupported media type', 'The multipart body has no boundary.'));
      return;
    }
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () =>
        reject(new HttpProblem(413, 'Upload too large', `A file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`)),
      );
      stream.on('end', () => {
        files[name] = new Uint8Array(Buffer.concat(chunks));
      });
    });
    parser.on('filesLimit', () =>
      reject(new HttpProblem(413, 'Upload too large', `An upload may hold at most ${MAX_PARTS} files.`)),
    );
    parser.on('error', () =>
      reject(new HttpProblem(415, 'Unsupported media type', 'The multipart body could not be read.')),
    );
    parser.on('close', () => resolve(files));
    parser.end(bytes);
  });
}
