// Browser storage that may be unavailable (private modes, disabled by the
// user): reads give null, writes are dropped, and the form keeps working.
export function storageGet(storage, key) {
  try {
    return window[storage].getItem(key);
  } catch (_) {
    return null;
  }
}

// Writes `value`, or removes the key when it is null.
export function storageSet(storage, key, value) {
  try {
    if (value === null) window[storage].removeItem(key);
    else window[storage].setItem(key, value);
  } catch (_) {
    // Full or disabled: the form still works, it just forgets.
  }
}
