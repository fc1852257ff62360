// Calls announced aloud: a two-tone chime (WebAudio), then the call in Chinese by the
// browser's speech synthesis ("请 A零零二 号，到 G零三 窗口办理"). Browsers may refuse sound
// until someone touches the page (a kiosk starts Chromium with
// --autoplay-policy=no-user-gesture-required); then a hint asks for one touch.

const DIGITS = '零一二三四五六七八九';
const CHIME_MS = 900;
const MAX_SAID = 4;

/** `A002` → `A零零二`: digits read one by one, as halls call numbers. */
export const spelled = (code) => String(code).replace(/[0-9]/g, (d) => DIGITS[Number(d)]);

/** What is said for `ticketNo` called to window `windowCode`. */
export const spokenCall = (ticketNo, windowCode) => `请 ${spelled(ticketNo)} 号，到 ${spelled(windowCode)} 窗口办理`;

export function createAnnouncer(hint) {
  let enabled = true;
  let audio = null;

  function needsTouch() {
    if (!enabled) return;
    hint.hidden = false;
  }

  function unlock() {
    hint.hidden = true;
    if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
  }
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);

  function chime() {
    try {
      audio = audio || new AudioContext();
      if (audio.state === 'suspended') {
        audio.resume().catch(() => {});
        setTimeout(() => audio.state === 'suspended' && needsTouch(), 500);
      }
      const start = audio.currentTime + 0.05;
      [880, 660].forEach((frequency, i) => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        const at = start + i * 0.4;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.4, at + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.38);
        tone.connect(gain).connect(audio.destination);
        tone.start(at);
        tone.stop(at + 0.4);
      });
    } catch {
      // No audio output: the speech still follows.
    }
  }

  function say(text) {
    if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    const voice = speechSynthesis.getVoices().find((v) => /^zh(-|_)?(CN|Hans)?/i.test(v.lang));
    if (voice) utterance.voice = voice;
    utterance.onerror = (event) => {
      if (event.error === 'not-allowed') needsTouch();
    };
    speechSynthesis.speak(utterance);
  }

  return {
    /** The device's setting from the snapshot; switching off silences what is queued. */
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      if (!on) {
        hint.hidden = true;
        if ('speechSynthesis' in window) speechSynthesis.cancel();
      }
    },
    /** Chimes once, then says each call of `calls` ({ticketNo, windowCode}) in turn. */
    announce(calls) {
      if (!enabled || calls.length === 0) return;
      chime();
      // After an outage many windows may have moved on at once: the hall hears a few, not a litany.
      const said = calls.slice(0, MAX_SAID);
      setTimeout(() => {
        if (enabled) said.forEach((c) => say(spokenCall(c.ticketNo, c.windowCode)));
      }, CHIME_MS);
    },
  };
}
