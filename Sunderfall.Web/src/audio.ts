// Short synthesized sounds for the main events (Web Audio, no files). The context starts on the first key or click,
// as browsers require; until then sounds are skipped.

type Tone = { freq: number; to?: number; ms: number; type: OscillatorType; gain: number };

const tones: Record<"hit" | "death" | "loot" | "chat" | "levelUp", Tone[]> = {
  hit: [{ freq: 220, to: 110, ms: 90, type: "square", gain: 0.12 }],
  death: [{ freq: 330, to: 55, ms: 600, type: "sawtooth", gain: 0.15 }],
  loot: [
    { freq: 660, ms: 80, type: "triangle", gain: 0.15 },
    { freq: 990, ms: 120, type: "triangle", gain: 0.15 },
  ],
  chat: [{ freq: 880, ms: 60, type: "sine", gain: 0.08 }],
  levelUp: [
    { freq: 523, ms: 100, type: "triangle", gain: 0.15 },
    { freq: 659, ms: 100, type: "triangle", gain: 0.15 },
    { freq: 784, ms: 200, type: "triangle", gain: 0.15 },
  ],
};

export class Sounds {
  private context: AudioContext | undefined;
  /** How many sounds were played, by name (for the test hooks). */
  readonly played: Record<string, number> = {};
  muted = false;

  constructor() {
    const unlock = (): void => {
      if (!this.context && typeof AudioContext !== "undefined") {
        this.context = new AudioContext();
      }
      void this.context?.resume();
    };
    window.addEventListener("keydown", unlock);
    window.addEventListener("pointerdown", unlock);
  }

  play(name: keyof typeof tones): void {
    this.played[name] = (this.played[name] ?? 0) + 1;
    const ctx = this.context;
    if (!ctx || this.muted || ctx.state !== "running") {
      return;
    }
    let at = ctx.currentTime;
    for (const tone of tones[name]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.type;
      osc.frequency.setValueAtTime(tone.freq, at);
      if (tone.to) {
        osc.frequency.exponentialRampToValueAtTime(tone.to, at + tone.ms / 1000);
      }
      gain.gain.setValueAtTime(tone.gain, at);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + tone.ms / 1000 + 0.02);
      at += tone.ms / 1000;
    }
  }
}
