import React from 'react';
import { screen, within } from '@testing-library/react';

import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { SafeValue, webUrlOf } from '../../../src/views/common/SafeValue';
import { parseHandoffContext } from '@polyai-context/model';
import { renderWithPaste } from '../../support/render';

// Each payload would run script or plant an active link if any of it were parsed as markup or a URL.
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="data:text/html,<script>alert(1)</script>">',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'];

/** Every recognised field, a captured key and a captured value, all carrying the same payload. */
function hostileAttributes(payload: string): unknown {
  return {
    polyai: {
      id: payload,
      shared_id: payload,
      data: {
        summary: payload,
        intent: payload,
        handoff_reason: payload,
        handoff_destination: payload,
        verification: { successfully_identified: false, auth_method: payload, verification_attempts: 1 },
        customer_id: payload,
        account_number: payload,
        caller_name: payload,
        utterance: payload,
        asr_lang_code: payload,
        call_sid: payload,
        [payload]: payload,
        slots: { [payload]: payload, link: payload },
        // A value too deep to show puts the payload key into a problem shown in the warning Alert.
        deep: { a: { b: { c: { d: { e: { f: { g: { [payload]: { x: 1 } } } } } } } } },
      },
    },
  };
}

/** Tag names and how often each occurs: an injected element changes this against a benign render. */
function elementCounts(container: HTMLElement): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of Array.from(container.querySelectorAll('*'))) counts[element.tagName] = (counts[element.tagName] ?? 0) + 1;
  return counts;
}

/** No handlers, no URL-carrying attribute other than http(s), no script anywhere. */
function expectNoActiveContent(container: HTMLElement): void {
  expect(container.querySelectorAll('script, iframe, object, embed, img, form, base')).toHaveLength(0);
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith('on')).toBe(false);
      if (URL_ATTRIBUTES.includes(attribute.name)) expect(attribute.value).toMatch(/^https?:\/\//);
    }
  }
}

/** Renders hostile input and the same input with a benign payload: the DOM shapes must match exactly. */
function renderAgainstBaseline(attributesFor: (payload: string) => unknown, payload: string): HTMLElement {
  const baseline = renderWithPaste(<HandoffContextView context={parseHandoffContext(attributesFor('benign text'))} />);
  const expected = elementCounts(baseline.container);
  baseline.unmount();
  const { container } = renderWithPaste(<HandoffContextView context={parseHandoffContext(attributesFor(payload))} />);
  expect(elementCounts(container)).toEqual(expected);
  expectNoActiveContent(container);
  expect(container.querySelectorAll('a')).toHaveLength(0);
  return container;
}

describe('rendering safety: the checks above catch active content', () => {
  // jsdom never runs inline handlers or javascript: URLs, so nothing "happens" when markup is injected:
  // the DOM checks are the test. Each injection below is what a rendering bug would produce.
  const injected: Array<[string, (container: HTMLElement) => void]> = [
    ['an element with an inline handler', (container) => {
      const span = document.createElement('span');
      span.setAttribute('onmouseover', 'alert(1)');
      container.append(span);
    }],
    ['a javascript: link', (container) => {
      const link = document.createElement('a');
      link.setAttribute('href', 'javascript:alert(1)');
      container.append(link);
    }],
    ['an image', (container) => {
      container.append(document.createElement('img'));
    }],
  ];

  it.each(injected)('fails on %s', (_, inject) => {
    const { container } = renderWithPaste(<HandoffContextView context={parseHandoffContext(hostileAttributes('benign text'))} />);
    expect(() => expectNoActiveContent(container)).not.toThrow();
    inject(container.firstElementChild as HTMLElement);
    expect(() => expectNoActiveContent(container)).toThrow();
  });

  it('fails when a payload adds elements, even inert ones', () => {
    const attributesFor = (payload: string) => ({ polyai: { data: { summary: payload } } });
    const baseline = renderWithPaste(<HandoffContextView context={parseHandoffContext(attributesFor('benign text'))} />);
    const expected = elementCounts(baseline.container);
    baseline.unmount();
    const { container } = renderWithPaste(<HandoffContextView context={parseHandoffContext(attributesFor('<b>bold</b>'))} />);
    container.querySelector('[data-testid="polyai-section-summary"]')?.append(document.createElement('b'));
    expect(elementCounts(container)).not.toEqual(expected);
  });
});

describe('rendering safety: hostile PolyAI data stays text', () => {
  it.each(PAYLOADS)('renders %s in every section as text, keys and values alike', (payload) => {
    expect(parseHandoffContext(hostileAttributes(payload)).status).toBe('partial');
    renderAgainstBaseline(hostileAttributes, payload);
    for (const id of ['summary', 'handoff', 'verification', 'caller', 'utterance', 'fields', 'reference']) {
      expect(screen.getByTestId(`polyai-section-${id}`).textContent).toContain(payload);
    }
    // The captured key is a label and a title, never markup.
    const fields = screen.getByTestId('polyai-section-fields');
    expect(within(fields).getAllByText(payload, { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getByRole('alert').textContent).toContain('Values nested deeper');
  });

  it.each(PAYLOADS)('renders %s as an error message from a Function as text', (payload) => {
    renderAgainstBaseline((text) => ({ polyai: { error: { status: 502, message: text } } }), payload);
    expect(screen.getByRole('alert').textContent).toContain(payload);
  });

  it.each(PAYLOADS)('renders %s as text when the whole attributes string is hostile', (payload) => {
    renderAgainstBaseline((text) => text, payload);
    renderAgainstBaseline((text) => ({ polyai: text }), payload);
  });
});

describe('SafeValue: links only for http(s)', () => {
  it.each([
    ['https://crm.example.com/customers/12345', 'https://crm.example.com/customers/12345'],
    ['HTTP://Example.COM/a b', null],
    ['http://example.com/path?q=1#frag', 'http://example.com/path?q=1#frag'],
    ['  https://example.com  ', 'https://example.com/'],
  ])('treats %s as a web URL: %s', (text, href) => {
    expect(webUrlOf(text)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example.com',
    '/relative/path',
    'see https://example.com for details',
    'https://',
    'https:/example.com',
    'ftp://example.com',
  ])('keeps %s as text', (text) => {
    expect(webUrlOf(text)).toBeNull();
    const { container } = renderWithPaste(<SafeValue text={text} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  it('opens a web URL as an external link without an opener or referrer', () => {
    renderWithPaste(<SafeValue text="https://crm.example.com/c/1" />);
    const link = screen.getByRole('link', { name: /https:\/\/crm\.example\.com\/c\/1/ });
    expect(link).toHaveAttribute('href', 'https://crm.example.com/c/1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });

  it('shows a captured http(s) value as a link in the captured fields, and nothing else', () => {
    const context = parseHandoffContext({
      polyai: { data: { crm_link: 'https://crm.example.com/c/1', sneaky: 'javascript:alert(1)', note: 'https://x.example then text' } },
    });
    renderWithPaste(<HandoffContextView context={context} />);
    const links = within(screen.getByTestId('polyai-section-fields')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://crm.example.com/c/1']);
  });
});
