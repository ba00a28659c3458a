// The command table: name, one-line summary, and a lazy loader (startup stays fast and one
// command's dependencies never slow another).
import type { CommandModule } from '../command.js';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'demo', summary: 'analyse the bundled demo articles and print a summary', load: () => import('./demo.js') },
  { name: 'analyze', summary: 'analyse one article (file, - for stdin, or --jsonl) into contract JSON', load: () => import('./analyze.js') },
  { name: 'schema', summary: 'print the JSON Schema of the analysis object', load: () => import('./schema.js') },
  { name: 'ner', summary: 'tag tokens with PER/ORG/LOC/MISC (CoNLL in, CoNLL out)', load: () => import('./ner.js') },
  { name: 'entity', summary: 'look a name up in the knowledge base (places, groups, people, sanctions)', load: () => import('./entity.js') },
  { name: 'eval', summary: 'score the tagger (eval ner) or the event extractor (eval events)', load: () => import('./eval.js') },
  { name: 'ingest', summary: 'ingest files or folders (txt, html, jsonl, eml, Telegram result.json) or URLs', load: () => import('./ingest.js') },
  { name: 'sources', summary: 'manage and poll feeds (add, list, poll, remove)', load: () => import('./sources.js') },
  { name: 'search', summary: 'full-text search of stored articles, Arabic or English', load: () => import('./search.js') },
  { name: 'incidents', summary: 'list incidents linked across sources (json, csv, geojson)', load: () => import('./incidents.js') },
  { name: 'reanalyze', summary: 're-run analysis on stored documents after a model change', load: () => import('./reanalyze.js') },
  { name: 'worker', summary: 'process queued jobs (PostgreSQL job queue)', load: () => import('./worker.js') },
];
