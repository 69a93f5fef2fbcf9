/**
 * Playback: a reactive controller that owns the animation-frame loop of the timeline's play
 * button. Every frame it turns elapsed time x speed into whole steps and asks the host to take
 * them; the host answers false to stop (end of the run).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlaybackHost extends ReactiveControllerHost {
  /** Take `steps` steps forward; return false when there is nothing left to play. */
  playbackStep(steps: number): boolean;
  /** Playback started or stopped. */
  playbackChanged(playing: boolean): void;
}

export class PlaybackController implements ReactiveController {
  /** Steps per second. */
  speed = 10;
  private frame = 0;
  private last = 0;
  private carry = 0;
  private _playing = false;

  constructor(private readonly host: PlaybackHost) {
    host.addController(this);
  }

  get playing(): boolean {
    return this._playing;
  }

  play(): void {
    if (this._playing) return;
    this._playing = true;
    this.carry = 1; // the first frame steps at once, so play answers immediately
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.tick);
    this.host.playbackChanged(true);
  }

  pause(): void {
    if (!this._playing) return;
    this._playing = false;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.host.playbackChanged(false);
  }

  hostDisconnected(): void {
    this.pause();
  }

  private readonly tick = (now: number): void => {
    if (!this._playing) return;
    const dt = Math.max(0, Math.min(250, now - this.last));
    this.last = now;
    this.carry += (dt * this.speed) / 1000;
    const steps = Math.floor(this.carry);
    if (steps > 0) {
      this.carry -= steps;
      if (!this.host.playbackStep(steps)) {
        this.pause();
        return;
      }
    }
    this.frame = requestAnimationFrame(this.tick);
  };
}
