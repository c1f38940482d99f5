import { type ReportDocument, toDocx, toHtml } from '@peermap/reports';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A paper with no picture as the file asked for: DOCX, or print-friendly HTML. In a module of its
 * own, away from the picture renderer (resvg's WebAssembly, 3 MB), so a function whose papers
 * hold no picture (the session pack) ships without it.
 */
export async function paperFileWithoutPictures(document: ReportDocument, format: 'docx' | 'html', name: string) {
  return format === 'docx'
    ? { contentType: DOCX, filename: `${name}.docx`, bytes: await toDocx(document) }
    : {
        contentType: 'text/html; charset=utf-8',
        filename: `${name}.html`,
        bytes: new TextEncoder().encode(toHtml(document)),
      };
}
