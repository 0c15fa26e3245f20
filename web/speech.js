// "Läs upp": the browser's own speech synthesis, nothing else. Tells the app which voice each
// language has (the button shows only then) and when reading ends. Only a voice on the device
// (SpeechSynthesisVoice.localService) is used unless the person has agreed to one over the
// network: those send the text — a person's words about their health — to a speech service.
// Never the browser's default voice, which may be such a service.
import { app } from './bridge.js';

var synth = window.speechSynthesis;
var current = null;
var NONE = 0, DEVICE = 1, NETWORK = 2;  // src/ui/host.hpp: SpeechVoice

// The voices for the BCP 47 tag `lang` ("sv", "ar"): "sv-SE", "sv_SE" and "sv" are Swedish.
function voicesFor(lang) {
  var all = (synth && synth.getVoices()) || [];
  var mine = all.filter(function (v) {
    var tag = (v.lang || '').toLowerCase().replace('_', '-');
    return tag === lang || tag.indexOf(lang + '-') === 0;
  });
  return {
    device: mine.filter(function (v) { return v.localService; })[0] || null,
    network: mine.filter(function (v) { return !v.localService; })[0] || null
  };
}

function kind(lang) {
  var v = voicesFor(lang);
  return v.device ? DEVICE : v.network ? NETWORK : NONE;
}


// Which voice each language of the app has (the app asks for the tags: core/i18n.hpp).
function report() {
  app.speech_langs().split(' ').forEach(function (lang) { app.speech_available(lang, kind(lang)); });
}

function ended(utterance) {
  if (current !== utterance) return;
  current = null;
  app.speech_ended();
}

export function speak(text, lang, rate, networkOk) {
  var v = voicesFor(lang);
  var voice = v.device || (networkOk ? v.network : null);
  if (!voice || !window.SpeechSynthesisUtterance) return app.speech_ended();
  synth.cancel();
  var u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = rate;
  u.onend = function () { ended(u); };
  u.onerror = function () { ended(u); };
  current = u;
  synth.speak(u);
}

export function stop() {
  var u = current;
  current = null;
  if (synth) synth.cancel();
  if (u) app.speech_ended();
}

export function start() {
  report();
  if (synth && synth.addEventListener) synth.addEventListener('voiceschanged', report);
}
