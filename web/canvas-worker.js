// Shows the app's pictures on the page's canvas, off the page's main thread (issue 30). WebGL
// draws into an OffscreenCanvas on the main thread (web/shell.js); each new picture comes here
// as an ImageBitmap. Where the browser composites in software (WebGL in SwiftShader, some
// phones), showing a WebGL picture means waiting for it to be drawn and read back: done here, the
// page's main thread goes on answering taps and keys meanwhile.
'use strict';

var context = null;

self.onmessage = function (e) {
  if (e.data.canvas) {  // once: the page's canvas, handed over (transferControlToOffscreen)
    context = e.data.canvas.getContext('bitmaprenderer');
    return;
  }
  var picture = e.data.picture;
  var canvas = context.canvas;
  if (canvas.width !== picture.width || canvas.height !== picture.height) {
    canvas.width = picture.width;
    canvas.height = picture.height;
  }
  context.transferFromImageBitmap(picture);
  if (e.data.first) self.postMessage('shown');
};
