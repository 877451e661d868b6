// Small DOM helpers: the page's structure is static in index.html; code only fills it.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`index.html has no #${id}`);
  }
  return element as T;
}

export function show(element: HTMLElement, visible = true): void {
  element.classList.toggle("hidden", !visible);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) {
    element.textContent = text;
  }
  if (className) {
    element.className = className;
  }
  return element;
}

export function button(text: string, onClick: () => void, className?: string): HTMLButtonElement {
  const b = el("button", text, className);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/** Sets a text only when it changed (the HUD refreshes often). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

export function setBar(fill: HTMLElement, label: HTMLElement, value: number, max: number, suffix = ""): void {
  const fraction = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const width = `${(fraction * 100).toFixed(1)}%`;
  if (fill.style.width !== width) {
    fill.style.width = width;
  }
  setText(label, `${value} / ${max}${suffix}`);
}

/** True when the keyboard is typing into a field (then game keys are not game keys). */
export function typing(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
}
