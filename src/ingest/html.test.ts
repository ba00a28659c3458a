import { describe, expect, it } from 'vitest';
import { extractArticle, looksLikeHtml } from './html.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Gunmen storm hotel in coastal city | Example News</title>
<meta name="author" content="Dana Brooks"><meta property="article:published_time" content="2024-06-11T08:00:00Z">
<script>window.stolen = document.cookie</script></head><body>
<nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
<aside class="sidebar"><h3>Most read</h3><ul><li>Unrelated story</li></ul></aside>
<article><h1>Gunmen storm hotel in coastal city</h1>
<p>Gunmen stormed a hotel in the coastal city on Monday night, killing six people and taking several guests hostage, officials said.</p>
<p>Security forces surrounded the building and negotiations were under way on Tuesday morning, a police spokesman told reporters.</p>
<img src="x.png" onerror="alert('xss')">
<p>No group has claimed responsibility for the attack so far, the spokesman added.</p></article>
<footer>© Example News. All rights reserved.</footer></body></html>`;

describe('extractArticle', () => {
  const a = extractArticle(PAGE);
  it('finds title without the site tail, author, date and language', () => {
    expect(a.title).toBe('Gunmen storm hotel in coastal city');
    expect(a.author).toBe('Dana Brooks');
    expect(a.published).toBe('2024-06-11');
    expect(a.lang).toBe('en');
  });
  it('keeps the body paragraphs and drops navigation, sidebar, scripts and footer', () => {
    expect(a.text).toContain('killing six people');
    expect(a.text.split('\n\n')).toHaveLength(3);
    for (const junk of ['Home', 'Most read', 'cookie', 'alert', 'All rights reserved']) expect(a.text).not.toContain(junk);
  });
  it('recognises HTML and plain text', () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml('A <b>bold</b> claim in plain text.')).toBe(false);
  });
  it('refuses a page with no text', () => {
    expect(() => extractArticle('<html><body><script>x()</script></body></html>')).toThrowError(/no readable text/);
  });
});
