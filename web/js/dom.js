// The page's elements that every part of the form uses.
export const $ = (id) => document.getElementById(id);
export const form = $('letter-form');
export const isControl = (node) => Boolean(node) && node.matches('input, select, textarea');
