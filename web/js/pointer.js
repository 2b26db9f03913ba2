// JSON pointers (RFC 6901) into a request object.
export const segments = (pointer) =>
  pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

// The value a pointer names, or undefined.
export function getAt(object, pointer) {
  let value = object;
  for (const key of segments(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

// Sets the value a pointer names, creating the objects on the way.
export function setAt(object, pointer, value) {
  const keys = segments(pointer);
  let target = object;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key];
  }
  target[keys[keys.length - 1]] = value;
}
