import { initAll } from './govuk-frontend.min.js';

initAll();

// GOV.UK Frontend marks a radio or checkbox that reveals a question with aria-expanded, which ARIA
// does not allow on those roles (alphagov/govuk-frontend#979): the revealed question follows the
// input in the page, so the attribute is taken off radios and checkboxes whenever it is set.
const CHOICES = 'input[type="radio"], input[type="checkbox"]';
const strip = (element) => element.matches(CHOICES) && element.removeAttribute('aria-expanded');
document.querySelectorAll(`:is(${CHOICES})[aria-expanded]`).forEach(strip);
new MutationObserver((changes) => changes.forEach((change) => change.target.hasAttribute('aria-expanded') && strip(change.target))).observe(
  document.body,
  {
    attributes: true,
    attributeFilter: ['aria-expanded'],
    subtree: true,
  },
);

// The day's board follows the plan's log as it is written (server-sent events, resumed by the browser with
// Last-Event-ID after a drop): each entry redraws the board from the page itself, so what it shows is what the
// server would draw, and the forms below it keep whatever is being typed. Without JavaScript, "Refresh" does this.
const board = document.getElementById('day-board');
if (board && 'EventSource' in window) {
  let drawing = false;
  let again = false;
  const redraw = async () => {
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      const response = await fetch(window.location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('day-board');
      if (response.ok && fresh) board.innerHTML = fresh.innerHTML;
    } finally {
      drawing = false;
      if (again) {
        again = false;
        redraw();
      }
    }
  };
  new EventSource(board.dataset.stream).addEventListener('entry', redraw);
}
