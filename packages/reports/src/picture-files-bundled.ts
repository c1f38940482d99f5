import regular from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf';
import bold from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf';
import wasm from '@resvg/resvg-wasm/index_bg.wasm';
import type { PictureFiles } from './picture';

/**
 * The renderer's files as a Lambda bundle carries them, inside the bundle as bytes: a function
 * unpacked alone has no node_modules to read them from. Imported only where the bundle says so
 * (`PEERMAP_BUNDLED_FILES`), since Node and Vitest cannot import a .wasm or .ttf file.
 */
export const bundledPictureFiles: PictureFiles = { wasm, fonts: [regular, bold] };
