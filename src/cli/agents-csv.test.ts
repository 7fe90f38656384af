import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readAgentsCsv } from './agents-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-csv-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readAgentsCsv', () => {
  it('reads quoted fields holding the delimiter, each row with its line', async () => {
    const csv = await readAgentsCsv(
      file(
        'quoted.csv',
        'email,full_name,teams\r\na@x.test,"Smith, Ann","Sales;Support"\r\n\r\nb@x.test,Bo,\r\n',
      ),
    );
    assert.deepEqual(csv.problems, []);
    assert.equal(csv.delimiter, ',');
    assert.deepEqual(
      csv.rows.map((r) => [r.line, r.email, r.full_name, r.teams]),
      [
        [2, 'a@x.test', 'Smith, Ann', ['Sales', 'Support']],
        [4, 'b@x.test', 'Bo', undefined],
      ],
    );
  });

  it('numbers lines as an editor does: a row by its first line, line breaks in cells counted once', async () => {
    for (const eol of ['\r\n', '\n']) {
      const csv = await readAgentsCsv(
        file(
          'multiline.csv',
          [
            'email,full_name',
            'a@x.test,"Ann',
            'Smith"',
            '',
            'not-an-email,B',
            'c@x.test,"C',
            '',
            'C"',
            'd@x.test,D',
            '',
          ].join(eol),
        ),
      );
      assert.deepEqual(
        csv.rows.map((r) => [r.line, r.email, r.full_name]),
        [
          [2, 'a@x.test', `Ann${eol}Smith`],
          [6, 'c@x.test', `C${eol}${eol}C`],
          [9, 'd@x.test', 'D'],
        ],
        JSON.stringify(eol),
      );
      assert.deepEqual(
        csv.problems.map((p) => [p.line, p.column]),
        [[5, 'email']],
        JSON.stringify(eol),
      );
    }
  });

  it('checks the rows before a part that is not CSV, and reports that part too', async () => {
    const csv = await readAgentsCsv(
      file('broken.csv', '\uFEFFemail;full_name\nnot-an-email;A\nc@x.test;C\nd@x.test;"unclosed\n'),
    );
    assert.equal(csv.delimiter, ';');
    assert.deepEqual(
      csv.rows.map((r) => r.email),
      ['c@x.test'],
    );
    assert.equal(csv.problems.length, 2);
    assert.deepEqual(csv.problems[0], { line: 2, column: 'email', message: csv.problems[0]?.message });
    assert.match(csv.problems[0]?.message ?? '', /not-an-email/);
    // Where the record that cannot be read starts: the quote opened there is never closed.
    assert.deepEqual([csv.problems[1]?.line, csv.problems[1]?.column], [4, null]);
    assert.match(csv.problems[1]?.message ?? '', /^cannot be read as CSV: /);
  });
});
