// Stable row ids. Random enough to never collide within a document (or across pasted/imported
// rows), short enough to keep files readable. No crypto dependency: src-shared runs everywhere.
let counter = 0;

export function newId(prefix: 'd' | 'a' | 'i' | 'p' | 'pi' | 'se' | 't'): string {
  counter = (counter + 1) % 0x10000;
  const rand = Math.floor(Math.random() * 0x1000000000).toString(36).padStart(7, '0');
  return `${prefix}_${rand}${counter.toString(36).padStart(3, '0')}`;
}
