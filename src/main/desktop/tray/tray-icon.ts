/**
 * The tray icon, per platform: WeChat green with a white T (32 px used at scale 2 where the tray is
 * HiDPI-aware, 16 px at scale 1 for Linux status-notifier hosts, which take the 1x picture), and on macOS
 * a black template image with the T knocked out, so the menu bar tints it for light and dark mode.
 * The smaller and template pictures are derived from the 32 px one (2x box filter; alpha = green coverage).
 */
export const TRAY_ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA30lEQVR42s2XwQ3DIAwA8+uP3digzMIKXiGD5McuXgEp5UEkFGEV13HtSPeJsHwCy5jtdbw3S7gBsQGN0sBG7WD/B33NowKhkXuScxHsMUEqkJiJZyLpVwEQJL4DXIH9weQX+6oAKCQnd2J25qcyiRIIwoLjFGaYCeRZgPQjJPJMAP8ogHeBSG2ZksB5dcyvla8oAKNA4RYTIxFFGQXQQABHgWogUF0JmB+BeRGCgQAsNSJFgbjUipUEcPkyUhLI4utYIEBex6yBRCCQXI9kLoZSF2O5i4eJi6eZi8epKh92ui01U2BGLAAAAABJRU5ErkJggg==';
export const TRAY_ICON_16_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAoElEQVR42q1TwQ2AMAjkxwJ9dAUn6pc5/DpIV3AFNvHhFP2oTaohlVqrJbmkCeWAAwAUQyaDTA6ZxoT4NlAzZLLI5I+ggExbhpB8thQ8INOqBOaIfwYt85tgSWIlgT+d0zI/QpB4KdjVc80yTQwkhTetgtMKFUQ4SGNSe1Wy5hi7ELgfBO4mYgNBuLZTjrGBwFcXqaD8fZF+r3KXY/p6zjvMu9PEyq/GWQAAAABJRU5ErkJggg==';
export const TRAY_TEMPLATE_16_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAjklEQVR42q2TwQ2AMAhF3w4eXMGFmMWLm7CbS/TSo4nBBJGmjUryLwU+8AuQ2wQIsBrE3ro2AwoUoAYU882t5AXYk8SI3WIflUeSPcmtE3XOrYMrTr1gfuaeeU1OYSW056tdlnVQLff8ptassWrE+guBfCCQTMRRguK3U18Q6MgiZcqni/R5lX85plfnfAAzGo/x3k/wVQAAAABJRU5ErkJggg==';
export const TRAY_TEMPLATE_32_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA1ElEQVR42tWXyw3EIAxEp4K0lg7cCi24hPRCLS4BieNeyCERRPwMXktziSDzEowxwJ/FCYABeAACICRJesZpzNQ4ALhkEislac4xak6NxjkQ6jXnAeO3uNX8mmh+69rx5c1/ghTNb9FXtssCACntDleYMBq5d7rcQFkIILkKFxcCxHfF5A0Ajx3hO5Kp1qgkX7P+mgCPPAgbAIIpgO1LsD0JeQMA1xYiLYCzthRrAEjLYaQB4GYcx70A8tWs0gIAMt2SmWhKTbTlJi4mJq5mJi6nqvEDDUo/58NK8GcAAAAASUVORK5CYII=';

export interface TrayIconSpec {
  /** PNG pictures (base64) by scale factor. */
  representations: { scaleFactor: number; png: string }[];
  /** macOS: tinted by the menu bar (the file name convention is 'Template'; set explicitly here). */
  template: boolean;
}

export function trayIconSpec(platform: NodeJS.Platform): TrayIconSpec {
  if (platform === 'darwin') {
    return {
      representations: [
        { scaleFactor: 1, png: TRAY_TEMPLATE_16_PNG_BASE64 },
        { scaleFactor: 2, png: TRAY_TEMPLATE_32_PNG_BASE64 },
      ],
      template: true,
    };
  }
  if (platform === 'linux') return { representations: [{ scaleFactor: 1, png: TRAY_ICON_16_PNG_BASE64 }], template: false };
  return {
    representations: [
      { scaleFactor: 1, png: TRAY_ICON_16_PNG_BASE64 },
      { scaleFactor: 2, png: TRAY_ICON_PNG_BASE64 },
    ],
    template: false,
  };
}
