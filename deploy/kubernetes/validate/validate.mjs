#!/usr/bin/env node
// Validates Kubernetes objects (a multi-document YAML stream on stdin, e.g. `kubectl kustomize DIR | node validate.mjs`)
// against the Kubernetes API schemas that kubernetes-models is generated from: each object is checked by its model's
// JSON-schema validator (types, enums, required fields, formats), and then walked against the model's declared fields,
// because those validators accept fields the API does not know (a misspelt `livenesProbe` would pass them). Prints one
// line per problem and a closing "N objects, N errors"; exits 1 when there is any error.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const modelRoots = [join(here, "node_modules", "kubernetes-models"), join(here, "node_modules", "@kubernetes-models", "apimachinery")];

const errors = [];
let objects = 0;

const input = readFileSync(0, "utf8");
const documents = parseAllDocuments(input);
const fields = declaredFields();

for (const document of documents) {
  if (document.errors.length > 0) {
    for (const e of document.errors) errors.push(`YAML: ${e.message}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  objects++;
  await check(object);
}

for (const e of errors) console.log(e);
console.log(`${objects} objects, ${errors.length} errors`);
process.exit(errors.length === 0 && objects > 0 ? 0 : 1);

async function check(object) {
  const { apiVersion, kind } = object;
  const name = `${kind ?? "?"} ${object.metadata?.name ?? "?"}`;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    errors.push(`${name}: apiVersion and kind must be strings`);
    return;
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    errors.push(`${name}: ${apiVersion} ${kind} is not a Kubernetes API type`);
    return;
  }
  try {
    new model(object).validate();
  } catch (e) {
    for (const line of String(e.message ?? e).split("\n")) errors.push(`${name}: ${line}`);
  }
  const root = fields.aliases.get(`${apiVersion}/${kind}`);
  if (root) walk(object, root, "", name);
  else errors.push(`${name}: no field list found for ${apiVersion} ${kind}`);
}

// Reports fields the declared type does not have, recursively.
function walk(value, type, path, name) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, array[1], `${path}/${i}`, name));
    return;
  }
  const map = /^Map<(.+)>$/.exec(type);
  if (map) {
    if (typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, map[1], `${path}/${k}`, name);
    return;
  }
  const properties = fields.types.get(type);
  if (!properties || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (!properties.has(key)) errors.push(`${name}: ${path}/${key}: unknown field (not in ${type.replace(/^IIoK8s/, "")})`);
    else walk(v, properties.get(key), `${path}/${key}`, name);
  }
}

// Reads every model's declared fields from the packages' type declarations: full type name -> (field -> type), and
// "apiVersion/kind" -> the top-level type's full name.
function declaredFields() {
  const types = new Map();
  const aliases = new Map();
  for (const root of modelRoots) {
    for (const file of declarationFiles(root)) {
      const text = readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
      const alias = /export type \{ I(\w+) as (IIoK8s\w+)/.exec(text);
      const body = /export interface I\w+(?: extends [\w<>, ]+)? \{([\s\S]*?)\n\}/.exec(text);
      if (!alias || !body) continue;
      types.set(alias[2], parseFields(body[1]));
      const apiVersion = /"apiVersion": "([^"]+)";/.exec(body[1]);
      const kind = /"kind": "([^"]+)";/.exec(body[1]);
      if (apiVersion && kind) aliases.set(`${apiVersion[1]}/${kind[1]}`, alias[2]);
    }
  }
  return { types, aliases };
}

function parseFields(body) {
  let text = body.replace(/\s+/g, " ");
  // { [key: string]: T; } -> Map<T>, innermost first.
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/\{ \[key: string\]: ([^{};]+); \}/g, "Map<$1>");
  }
  const result = new Map();
  for (const m of text.matchAll(/"([^"]+)"\??: ([^;]+);/g)) result.set(m[1], m[2].trim());
  return result;
}

function declarationFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "_schemas") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...declarationFiles(path));
    else if (entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}
