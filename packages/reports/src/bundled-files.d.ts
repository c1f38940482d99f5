/*
 * In a Lambda bundle esbuild loads these files as their bytes (the `loader` of BUNDLING in
 * infra/src/peermap-function.ts); only `picture-files-bundled.ts` imports them, and only there.
 */
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
