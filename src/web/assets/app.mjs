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
