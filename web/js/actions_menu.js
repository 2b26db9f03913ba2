// "More" in the phone's action bar: the bar holds one row ("Create PDF",
// "Review draft", "More") and "More" opens the copy buttons and the archive
// copy below it (a disclosure button: aria-expanded, aria-controls; Escape
// closes it and returns to the button). On wider screens the button is not
// shown and everything is (style.css). A field error inside the folded part
// opens it, so that the error is never out of sight.
import { $ } from './dom.js';

export const REVEAL_EVENT = 'parting:reveal';

function setOpen(open) {
  $('actions').classList.toggle('more-open', open);
  $('actions-more-toggle').setAttribute('aria-expanded', String(open));
}

export function initActionsMenu() {
  const toggle = $('actions-more-toggle');
  const more = $('actions-more');
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  more.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
  more.addEventListener(REVEAL_EVENT, () => setOpen(true));
}
