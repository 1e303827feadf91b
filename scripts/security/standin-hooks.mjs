// Module hooks: `electron` resolves to the recording stand-in (node --import ./standin-register.mjs).
const standin = new URL('./electron-standin.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: standin, shortCircuit: true };
  return next(specifier, context);
}
