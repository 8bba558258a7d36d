/**
 * A WCAG AA contrast check of the buttons on screen, in the states a user sees: normal, hover, keyboard
 * focus and disabled. Colours are taken from the computed styles and composited as Chromium paints them
 * (backgrounds of every ancestor, the element's opacity and brightness filter), so a hover rule that turns a
 * button white-on-light-grey is caught. Buttons that look alike are checked once per look.
 */
import type { Page } from 'playwright-core';

/** Text (any size here: buttons use 11–14 px) and, for the focus ring, a non-text part (WCAG 1.4.3, 1.4.11). */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

export interface ContrastFailure {
  button: string;
  state: 'normal' | 'hover' | 'focus' | 'disabled';
  ratio: number;
  colors: string;
}

interface Measured {
  text: number;
  fg: string;
  bg: string;
  /** The focus ring against what is behind it; undefined when there is no ring. */
  ring?: number;
}

const MARK = 'data-contrast-id';

/** Marks one button per distinct look and returns their ids and names. */
function markRepresentatives(page: Page): Promise<{ id: string; name: string; disabled: boolean }[]> {
  return page.evaluate((mark) => {
    document.querySelectorAll(`[${mark}]`).forEach((el) => el.removeAttribute(mark));
    const seen = new Set<string>();
    const out: { id: string; name: string; disabled: boolean }[] = [];
    // Under a modal dialog only its own buttons can be reached.
    const scope: ParentNode = document.querySelector('dialog[open]') ?? document;
    // checkVisibility: also false inside a closed <details>, whose content still has layout boxes.
    const buttons = [...scope.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.checkVisibility({ visibilityProperty: true }));
    buttons.forEach((b, i) => {
      const chain: string[] = [];
      for (let el: Element | null = b; el; el = el.parentElement) {
        const s = getComputedStyle(el);
        chain.push(`${s.backgroundColor}|${s.opacity}|${s.filter}`);
      }
      const s = getComputedStyle(b);
      const look = [b.className, b.disabled, b.getAttribute('aria-pressed'), s.color, s.borderColor, chain.join('>')].join('#');
      if (seen.has(look)) return;
      seen.add(look);
      b.setAttribute(mark, String(i));
      out.push({ id: String(i), name: (b.getAttribute('aria-label') || b.textContent || '').trim().slice(0, 40), disabled: b.disabled });
    });
    return out;
  }, MARK);
}

/**
 * The composited text and background colours of each button as painted now, and its focus ring. With
 * `focus`, each button is first focused from script (after a key press, so it is keyboard focus), which is
 * what Playwright's focus() does too; the answer says whether the button really was in the state measured.
 */
function measure(page: Page, ids: string[], focus = false): Promise<(Measured & { hovered: boolean; focusVisible: boolean })[]> {
  return page.evaluate(
    ({ mark, ids, focus }) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      type Rgba = [number, number, number, number];
      const parse = (css: string): Rgba => {
        ctx.fillStyle = '#000';
        ctx.fillStyle = css;
        const v = ctx.fillStyle;
        if (v.startsWith('#')) return [parseInt(v.slice(1, 3), 16), parseInt(v.slice(3, 5), 16), parseInt(v.slice(5, 7), 16), 1];
        const n = v.match(/[\d.]+/g)!.map(Number);
        return [n[0], n[1], n[2], n[3] ?? 1];
      };
      const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1) as Rgba;
      const mix = (a: Rgba, b: Rgba, share: number): Rgba => [0, 1, 2].map((i) => a[i] * share + b[i] * (1 - share)).concat(1) as Rgba;
      const lum = (c: Rgba) => {
        const [r, g, b] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      const hex = (c: Rgba) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
      const brightness = (s: CSSStyleDeclaration) => {
        const m = /brightness\(([\d.]+)(%?)\)/.exec(s.filter);
        return m ? Number(m[1]) / (m[2] ? 100 : 1) : 1;
      };
      const bright = (c: Rgba, b: number): Rgba => [0, 1, 2].map((i) => Math.min(255, c[i] * b)).concat(1) as Rgba;

      return ids.map((id) => {
        const el = document.querySelector<HTMLElement>(`[${mark}="${id}"]`)!;
        if (focus) el.focus();
        // What is behind the button: every ancestor's background over the canvas (the page's own colour scheme).
        const ancestors: HTMLElement[] = [];
        for (let p = el.parentElement; p; p = p.parentElement) ancestors.unshift(p);
        const dark = matchMedia('(prefers-color-scheme: dark)').matches;
        let behind: Rgba = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
        let opacity = 1;
        for (const p of ancestors) {
          const s = getComputedStyle(p);
          behind = over(parse(s.backgroundColor), behind);
          opacity *= Number(s.opacity);
        }
        const s = getComputedStyle(el);
        const b = brightness(s);
        const face = bright(over(parse(s.backgroundColor), behind), b);
        const text = bright(over(parse(s.color), face), b);
        const o = opacity * Number(s.opacity);
        const bg = mix(face, behind, o);
        const fg = mix(text, behind, o);
        const ringVisible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return {
          text: ratio(fg, bg),
          fg: hex(fg),
          bg: hex(bg),
          ring: ringVisible ? ratio(over(parse(s.outlineColor), behind), behind) : undefined,
          // Qualified by the mark: a bare :hover never matches a button in a quirks-mode page (the hover quirk).
          hovered: el.matches(`[${mark}]:hover`),
          focusVisible: el.matches(`[${mark}]:focus-visible`),
        };
      });
    },
    { mark: MARK, ids, focus },
  );
}

/**
 * Where the pointer goes to hover a button: its centre, scrolled into view first (as Playwright's hover
 * does). Throws when something else is on top there, which a user could not hover through either.
 */
function pointerTarget(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ mark, id }) => {
      const el = document.querySelector<HTMLElement>(`[${mark}="${id}"]`)!;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const top = document.elementFromPoint(x, y);
      if (!top || !el.contains(top)) throw new Error(`button ${id} is covered by ${top?.outerHTML.slice(0, 80) ?? 'nothing'}`);
      return { x, y };
    },
    { mark: MARK, id },
  );
}

/**
 * Every distinct button on screen, in every state it can be in now; returns what falls short of AA. The
 * pointer and the keyboard are real (a hover rule or a :focus-visible rule applies as for a user); only the
 * measuring is batched: all buttons' normal look in one call, all keyboard-focus looks in another.
 */
export async function checkButtons(page: Page, where: string): Promise<ContrastFailure[]> {
  const failures: ContrastFailure[] = [];
  const fail = (name: string, state: ContrastFailure['state'], ratio: number, colors: string) =>
    failures.push({ button: `${where}: ${name}`, state, ratio: Math.round(ratio * 100) / 100, colors });
  const buttons = await markRepresentatives(page);
  const enabled = buttons.filter((b) => !b.disabled);

  // Normal (and disabled): the pointer off every button, nothing focused.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const normals = await measure(
    page,
    buttons.map((b) => b.id),
  );
  buttons.forEach(({ name, disabled }, i) => {
    const normal = normals[i];
    if (normal.text < AA_TEXT) fail(name, disabled ? 'disabled' : 'normal', normal.text, `${normal.fg} on ${normal.bg}`);
  });

  // Hover: the pointer on each button in turn.
  for (const { id, name } of enabled) {
    const { x, y } = await pointerTarget(page, id);
    await page.mouse.move(x, y);
    const [hover] = await measure(page, [id]);
    if (!hover.hovered) throw new Error(`${where}: ${name} did not take the pointer's hover`);
    if (hover.text < AA_TEXT) fail(name, 'hover', hover.text, `${hover.fg} on ${hover.bg}`);
  }

  // Keyboard focus: a key press first, so the focus that follows counts as keyboard focus (:focus-visible).
  await page.mouse.move(0, 0);
  await page.keyboard.press('Shift');
  const focused = await measure(
    page,
    enabled.map((b) => b.id),
    true,
  );
  enabled.forEach(({ name }, i) => {
    const focus = focused[i];
    if (!focus.focusVisible) throw new Error(`${where}: ${name} did not take keyboard focus`);
    if (focus.text < AA_TEXT) fail(name, 'focus', focus.text, `${focus.fg} on ${focus.bg}`);
    if (focus.ring === undefined || focus.ring < AA_NON_TEXT) fail(name, 'focus', focus.ring ?? 0, 'focus ring');
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return failures;
}
