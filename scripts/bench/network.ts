// The networks the benchmark reads pages over: the plain loopback, and a reader's connection
// emulated in Chromium (CDP Network.emulateNetworkConditions) against the gzip'ing server, as
// static hosts send files.
import type {CDPSession} from "playwright-core";

export interface Network {
  name: string;
  /** Emulated in Chromium (CDP), or none for the plain loopback. */
  emulate?: {latencyMs: number; megabitsPerSecond: number};
}

export const LOCALHOST: Network = {name: "localhost"};
export const READER_NETWORK: Network = {name: "20 Mbit/s, 40 ms", emulate: {latencyMs: 40, megabitsPerSecond: 20}};

/** Turns on the network's emulation for a page's CDP session (Network must be enabled). */
export async function emulateNetwork(cdp: CDPSession, network: Network): Promise<void> {
  if (!network.emulate) return;
  const bytesPerSecond = (network.emulate.megabitsPerSecond * 1e6) / 8;
  await cdp.send("Network.emulateNetworkConditions", {offline: false, latency: network.emulate.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond});
}
