// "Läs upp": the browser's own speech synthesis, nothing else. Tells the app which languages
// have a voice (the button shows only then) and when reading ends. A voice on the device
// (SpeechSynthesisVoice.localService) is preferred: some browsers' network voices send the text
// to a cloud service, and a person's words should not leave the device for this.
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  var current = null;

  function voiceFor(lang) {
    if (!synth) return null;
    var all = synth.getVoices() || [];
    var mine = all.filter(function (v) { return (v.lang || '').toLowerCase().indexOf(lang) === 0; });
    var local = mine.filter(function (v) { return v.localService; });
    return local[0] || mine[0] || null;
  }

  function report() {
    if (!window.Module || !Module._sipprep_speech_available) return;
    Module._sipprep_speech_available(voiceFor('sv') ? 1 : 0, voiceFor('en') ? 1 : 0);
  }

  function ended(utterance) {
    if (current !== utterance) return;
    current = null;
    Module._sipprep_speech_ended();
  }

  function speak(text, lang, rate) {
    if (!synth || !window.SpeechSynthesisUtterance) return Module._sipprep_speech_ended();
    synth.cancel();
    var u = new SpeechSynthesisUtterance(text);
    var voice = voiceFor(lang);
    if (voice) u.voice = voice;
    u.lang = lang === 'en' ? 'en-GB' : 'sv-SE';
    u.rate = rate;
    u.onend = function () { ended(u); };
    u.onerror = function () { ended(u); };
    current = u;
    synth.speak(u);
  }

  function stop() {
    var u = current;
    current = null;
    if (synth) synth.cancel();
    if (u) Module._sipprep_speech_ended();
  }

  function start() {
    report();
    if (synth && synth.addEventListener) synth.addEventListener('voiceschanged', report);
  }

  window.SipprepSpeech = { start: start, speak: speak, stop: stop };
})();
