// resvg's native module allocates with mimalloc, which by default gives memory it has freed back to the
// system after 10 ms. Renders come one after another, so each one's pixmap (3 MB for a social card)
// was faulted in again page by page: about a third of the image step's CPU time went to the kernel.
// With a one-second delay the pages stay for the next render. mimalloc reads this setting when the
// module loads, so render.ts, the only module that imports @resvg/resvg-js, imports this file first;
// and so does src/build/bundled.mjs, before the bundle of the build's modules, in which every npm
// import (resvg's among them) comes first. Plain JavaScript, so that Node imports it as it is.
process.env.MIMALLOC_PURGE_DELAY ??= '1000';
