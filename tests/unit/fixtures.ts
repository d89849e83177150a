import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface PageCase<T> {
  name: string;
  html: string;
  expected: T;
}

/** Every `<site>/<case>/` directory holding page.html and expected.json: adding a case needs no code. */
export function pageCases<T>(site: string): PageCase<T>[] {
  const dir = join(FIXTURES, site);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'page.html')))
    .map((d) => ({
      name: d.name,
      html: readFileSync(join(dir, d.name, 'page.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, d.name, 'expected.json'), 'utf8')) as T,
    }));
}

export function readFixture(...path: string[]): string {
  return readFileSync(join(FIXTURES, ...path), 'utf8');
}
