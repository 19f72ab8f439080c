// Debian's Chromium, driven by playwright-core (which downloads nothing), started with the
// flags that keep it from reaching for the network on its own.
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install it (bash scripts/install-chromium.sh, or apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}
