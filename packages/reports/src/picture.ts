import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { PICTURE_FONT } from './svg';

const FONT_FILES = [
  '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf',
  '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf',
];

interface Renderer {
  fonts: Uint8Array[];
}

let renderer: Promise<Renderer> | undefined;

/**
 * The WebAssembly build of resvg (no native binary: the same on an x86 laptop and an Arm
 * Lambda), started once per process, with the picture's font read from its package.
 */
function started(): Promise<Renderer> {
  renderer ??= (async () => {
    const require = createRequire(import.meta.url);
    const read = (file: string) => new Uint8Array(readFileSync(require.resolve(file)));
    await initWasm(read('@resvg/resvg-wasm/index_bg.wasm'));
    return { fonts: FONT_FILES.map(read) };
  })();
  return renderer;
}

/** An SVG drawn by peermap as a PNG `width` pixels wide, its text in the picture's own font (no system font is used). */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  const { fonts } = await started();
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
