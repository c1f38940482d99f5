import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ReportDocument } from './document';
import { FIGURE_WIDTH } from './docx';
import { PICTURE_FONT } from './svg';

/** What the renderer needs besides its code: its WebAssembly, and the picture's font (regular and bold). */
export interface PictureFiles {
  wasm: Uint8Array;
  fonts: Uint8Array[];
}

/** `true` in a Lambda bundle (the `define` of BUNDLING in infra/src/peermap-function.ts), undeclared elsewhere. */
declare const PEERMAP_BUNDLED_FILES: boolean | undefined;

const FONT_FILES = [
  '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf',
  '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf',
];

/** The files as the packages installed them: in tests, the local server and scripts. */
function installedPictureFiles(): PictureFiles {
  const require = createRequire(import.meta.url);
  const read = (file: string) => new Uint8Array(readFileSync(require.resolve(file)));
  return { wasm: read('@resvg/resvg-wasm/index_bg.wasm'), fonts: FONT_FILES.map(read) };
}

let renderer: Promise<PictureFiles['fonts']> | undefined;

/**
 * The WebAssembly build of resvg (no native binary: the same on an x86 laptop and an Arm
 * Lambda), started once per process; its fonts come with it, never from the system.
 */
function started(): Promise<PictureFiles['fonts']> {
  renderer ??= (async () => {
    const bundled = typeof PEERMAP_BUNDLED_FILES !== 'undefined' && PEERMAP_BUNDLED_FILES;
    const files = bundled ? (await import('./picture-files-bundled')).bundledPictureFiles : installedPictureFiles();
    await initWasm(files.wasm);
    return files.fonts;
  })();
  return renderer;
}

/** An SVG drawn by peermap as a PNG `width` pixels wide, its text in the picture's own font (no system font is used). */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  const fonts = await started();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontBuffers: fonts, defaultFontFamily: PICTURE_FONT, sansSerifFamily: PICTURE_FONT },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** The paper with each picture drawn as a PNG for its Word file, at twice its printed width for a sharp print. */
export async function withPictures(document: ReportDocument): Promise<ReportDocument> {
  const sections = await Promise.all(
    document.sections.map(async (section) =>
      section.figure
        ? { ...section, figure: { ...section.figure, png: await svgToPng(section.figure.svg, FIGURE_WIDTH * 2) } }
        : section,
    ),
  );
  return { ...document, sections };
}
