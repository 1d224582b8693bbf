// tfjs backends: wasm (default), cpu, and tensorflow (tfjs-node-gpu / tfjs-node, optional peers), initialised once up front.
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import type { KernelBackend, KernelFunc } from '@tensorflow/tfjs-core';

export type BackendName = 'wasm' | 'cpu' | 'tensorflow';
export const BACKENDS: readonly BackendName[] = ['wasm', 'cpu', 'tensorflow'];
export const DEFAULT_BACKEND: BackendName = 'wasm';

const available = new Set<BackendName>();
const failures = new Map<BackendName, string>();
const NODE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];

function isResolvable(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

/** Loads every backend that can run here. Called once by src/index.ts (top-level await). */
export async function initBackends(): Promise<void> {
  tfc.enableProdMode();
  // The wasm module installs process-wide handlers that rethrow every uncaught error and print its minified
  // source; they are removed again so user errors print normally.
  const before = new Set([...process.listeners('uncaughtException'), ...process.listeners('unhandledRejection')]);
  try {
    await initAll();
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!before.has(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!before.has(l)) process.removeListener('unhandledRejection', l);
  }
}

async function initAll(): Promise<void> {
  for (const name of ['cpu', 'wasm'] as const) {
    try {
      if (await tfc.setBackend(name)) available.add(name);
      else failures.set(name, `tfjs could not initialise the ${name} backend`);
    } catch (e) {
      failures.set(name, (e as Error).message);
    }
  }
  for (const pkg of NODE_PACKAGES) {
    if (!isResolvable(pkg)) continue;
    try {
      await import(pkg);
      if (await tfc.setBackend('tensorflow')) {
        available.add('tensorflow');
        break;
      }
    } catch (e) {
      failures.set('tensorflow', `${pkg} is installed but failed to load: ${(e as Error).message}`);
    }
  }
  const first = BACKENDS.find((b) => b === DEFAULT_BACKEND && available.has(b)) ?? [...available][0];
  if (first) await tfc.setBackend(first);
}

/** tf.list_backends(): the backends usable in this process. */
export function list_backends(): BackendName[] {
  return BACKENDS.filter((b) => available.has(b));
}

export function checkBackendName(name: unknown): BackendName {
  if (!BACKENDS.includes(name as BackendName)) {
    throw new Error(`Unknown backend ${JSON.stringify(name)}: expected one of 'wasm', 'cpu', 'tensorflow'`);
  }
  const b = name as BackendName;
  if (!available.has(b)) {
    if (b === 'tensorflow') {
      const why = failures.get('tensorflow');
      throw new Error(
        `Backend 'tensorflow' is not available: ${why ?? 'neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node is installed'}. ` +
        `Install one of them (npm i @tensorflow/tfjs-node-gpu, or npm i @tensorflow/tfjs-node for CPU-only libtensorflow), ` +
        `or use backend 'wasm' or 'cpu', which work without installing anything.`);
    }
    throw new Error(`Backend '${b}' is not available: ${failures.get(b) ?? 'not initialised'}`);
  }
  return b;
}

/** Makes `name` the engine's active backend (synchronous once initialised) and returns it. */
export function activateBackend(name: BackendName): KernelBackend {
  const engine = tfc.engine();
  if (engine.backendName !== name) {
    void tfc.setBackend(name);
    if (engine.backendName !== name) throw new Error(`failed to switch to backend '${name}'`);
  }
  return engine.backend;
}

export function findBackend(name: BackendName): KernelBackend {
  const b = tfc.engine().findBackend(name);
  if (!b) throw new Error(`Backend '${name}' is not initialised`);
  return b;
}

const kernelCache = new Map<string, KernelFunc>();

/** The kernel function registered for (kernel name, backend); a clear error when missing. */
export function kernelFunc(kernel: string, backend: BackendName): KernelFunc {
  const key = `${backend}\u0000${kernel}`;
  let f = kernelCache.get(key);
  if (!f) {
    const k = tfc.getKernel(kernel, backend);
    if (!k) throw new Error(`Kernel '${kernel}' is not registered for backend '${backend}'`);
    f = k.kernelFunc;
    kernelCache.set(key, f);
  }
  return f;
}
