/** A Chromium CPU profile of a page (over CDP), summarised as the functions with the most self time. */
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  fn: string;
  where: string;
  selfMs: number;
}

export class CpuProfile {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<CpuProfile> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return new CpuProfile(cdp);
  }

  /** Stops and returns the top `n` functions by self time (idle, program and GC included, as Chromium names them). */
  async stop(n = 12): Promise<Hotspot[]> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: Profile };
    await this.cdp.detach();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, Hotspot>();
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const file = frame.url.split('/').pop() ?? '';
      const key = `${frame.functionName}@${file}:${frame.lineNumber + 1}`;
      const spot = self.get(key) ?? { fn: frame.functionName || '(anonymous)', where: file ? `${file}:${frame.lineNumber + 1}` : '', selfMs: 0 };
      spot.selfMs += (profile.timeDeltas[i] ?? 0) / 1000;
      self.set(key, spot);
    });
    return [...self.values()].filter((s) => s.fn !== '(idle)').sort((a, b) => b.selfMs - a.selfMs).slice(0, n);
  }
}
