#!/usr/bin/env node
// Runs one knowledge-graph script against the real `mnemo mcp` and against the reference MCP memory server
// (@modelcontextprotocol/server-memory), both driven by the official MCP TypeScript SDK client over stdio, and compares
// every answer.
//
// Usage: node compare.mjs TEMP_DIR MNEMO_COMMAND [MNEMO_ARG...]
//   e.g. node compare.mjs /tmp/e2e dotnet /path/to/mnemo.dll
// `mcp` is appended to the Mnemo command. Mnemo keeps its database at TEMP_DIR/mnemo.db (MNEMO_DB), the reference
// server its graph at TEMP_DIR/memory.jsonl (MEMORY_FILE_PATH); TEMP_DIR should be empty.
//
// Prints {calls, mismatches: [...], servers} as JSON on stdout (with E2E_VERBOSE=1, every answer to stderr as well). Exit code: 0 when both servers gave the same answers,
// 1 when any answer differed, 2 when the comparison could not run (bad arguments, a server that did not start).
//
// Intended differences, left out of the equality on purpose (Mnemo is not meant to match them):
// - add_observations on a missing entity: both answer with a tool error, but Mnemo's message appends advice to the
//   reference's text ("Entity with name X not found: create it with create_entities first"), so only "both are errors
//   and Mnemo's message starts with the reference's message" is checked (compare: 'error-prefix').
// - search_nodes: Mnemo ranks the matches (best first) where the reference keeps creation order, so search results are
//   compared as sets (compare: 'unordered'). And when no entity contains the query as a substring, Mnemo falls back to
//   ranked word search where the reference returns nothing, so every query below is a substring of some entity's name,
//   type or observation.
// Entities come back in creation order from both servers in read_graph, open_nodes and the knowledge-graph resource,
// so those are compared exactly, order included.

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** The reference server's knowledge-graph tools, which Mnemo serves under the same names. */
const GRAPH_TOOLS = [
    'create_entities',
    'create_relations',
    'add_observations',
    'delete_entities',
    'delete_observations',
    'delete_relations',
    'read_graph',
    'search_nodes',
    'open_nodes',
];

const alice = 'Alice';
const acme = 'Acme Corp';
const zurich = 'Zürich';
const team = 'org/team-a';
const beijing = '北京';
const bob = 'Bob Smith';
const carol = 'Carol';

/**
 * The script: each step is a tool call (`tool`, `args`) or a resource read (`resource`: the knowledge graph), run on
 * both servers in turn, with how its answers are compared: 'exact' (default), 'unordered' (entities and relations as
 * sets) or 'error-prefix' (both are errors, Mnemo's message starts with the reference's).
 */
const SCRIPT = [
    { name: 'empty graph', tool: 'read_graph', args: {} },
    { name: 'empty graph as a resource', resource: 'knowledge-graph' },
    {
        name: 'create entities: spaces, unicode, slashes, no observations',
        tool: 'create_entities',
        args: {
            entities: [
                { name: alice, entityType: 'person', observations: ['works at Acme Corp', 'likes green tea'] },
                { name: acme, entityType: 'company', observations: ['makes anvils'] },
                { name: zurich, entityType: 'city', observations: ['Größte Stadt der Schweiz'] },
                { name: team, entityType: 'team', observations: ['owns the billing service'] },
                { name: beijing, entityType: 'city', observations: ['capital of China', '人口众多'] },
                { name: bob, entityType: 'person', observations: [] },
            ],
        },
    },
    {
        name: 'create entities: an existing name is skipped, even with another type',
        tool: 'create_entities',
        args: {
            entities: [
                { name: alice, entityType: 'robot', observations: ['should not be stored'] },
                { name: carol, entityType: 'person', observations: ['plays chess'] },
            ],
        },
    },
    {
        name: 'create relations',
        tool: 'create_relations',
        args: {
            relations: [
                { from: alice, to: acme, relationType: 'works_at' },
                { from: bob, to: acme, relationType: 'works_at' },
                { from: alice, to: team, relationType: 'member of' },
                { from: team, to: zurich, relationType: 'based_in' },
                { from: carol, to: alice, relationType: 'knows' },
            ],
        },
    },
    {
        name: 'create relations: an existing one is skipped, a reversed one is new',
        tool: 'create_relations',
        args: {
            relations: [
                { from: alice, to: acme, relationType: 'works_at' },
                { from: carol, to: bob, relationType: 'knows' },
                { from: alice, to: carol, relationType: 'knows' },
            ],
        },
    },
    {
        name: 'add observations: existing ones are skipped',
        tool: 'add_observations',
        args: {
            observations: [
                { entityName: alice, contents: ['likes green tea', 'speaks French'] },
                { entityName: bob, contents: ['joined in 2020'] },
                { entityName: beijing, contents: ['capital of China'] },
            ],
        },
    },
    {
        name: 'add observations: one entity twice in a call, the second sees the first',
        tool: 'add_observations',
        args: {
            observations: [
                { entityName: carol, contents: ['likes jazz'] },
                { entityName: carol, contents: ['likes jazz', 'owns a cat'] },
            ],
        },
    },
    {
        name: 'create relations: an end that is no entity (yet) is allowed',
        tool: 'create_relations',
        args: { relations: [{ from: carol, to: 'Dana', relationType: 'mentors' }] },
    },
    {
        name: 'add observations to a missing entity: an error, nothing added',
        tool: 'add_observations',
        args: {
            observations: [
                { entityName: alice, contents: ['must not be added'] },
                { entityName: 'Ghost', contents: ['boo'] },
            ],
        },
        compare: 'error-prefix',
    },
    { name: 'graph after additions', tool: 'read_graph', args: {} },
    { name: 'search by name, other case', tool: 'search_nodes', args: { query: 'aLiCe' }, compare: 'unordered' },
    { name: 'search by type, upper case', tool: 'search_nodes', args: { query: 'PERSON' }, compare: 'unordered' },
    { name: 'search by observation', tool: 'search_nodes', args: { query: 'Anvils' }, compare: 'unordered' },
    { name: 'search by part of a word in a name and an observation', tool: 'search_nodes', args: { query: 'corp' }, compare: 'unordered' },
    { name: 'search unicode name, other case', tool: 'search_nodes', args: { query: 'ZÜRICH' }, compare: 'unordered' },
    { name: 'search unicode observation, other case', tool: 'search_nodes', args: { query: 'GRÖßTE STADT' }, compare: 'unordered' },
    { name: 'search CJK', tool: 'search_nodes', args: { query: '京' }, compare: 'unordered' },
    { name: 'search with a slash', tool: 'search_nodes', args: { query: 'ORG/' }, compare: 'unordered' },
    { name: 'search with spaces', tool: 'search_nodes', args: { query: 'green tea' }, compare: 'unordered' },
    { name: 'search with an empty query: every entity contains it', tool: 'search_nodes', args: { query: '' }, compare: 'unordered' },
    { name: 'open nodes, one unknown', tool: 'open_nodes', args: { names: [alice, 'Nobody', team] } },
    { name: 'open nodes: names are case-sensitive', tool: 'open_nodes', args: { names: ['alice', 'zürich'] } },
    { name: 'open nodes: unicode and no relations', tool: 'open_nodes', args: { names: [beijing] } },
    {
        name: 'delete observations: unknown ones and unknown entities are ignored',
        tool: 'delete_observations',
        args: {
            deletions: [
                { entityName: alice, observations: ['speaks French', 'never said'] },
                { entityName: 'Ghost', observations: ['boo'] },
                { entityName: beijing, observations: ['人口众多'] },
            ],
        },
    },
    { name: 'entities after deleting observations', tool: 'open_nodes', args: { names: [beijing, alice] } },
    {
        name: 'delete relations: an unknown one is ignored',
        tool: 'delete_relations',
        args: {
            relations: [
                { from: carol, to: bob, relationType: 'knows' },
                { from: bob, to: carol, relationType: 'knows' },
                { from: alice, to: acme, relationType: 'founded' },
            ],
        },
    },
    { name: 'graph after deleting relations', tool: 'read_graph', args: {} },
    {
        name: 'delete entities: their relations go too, unknown names are ignored',
        tool: 'delete_entities',
        args: { entityNames: [acme, 'Nobody'] },
    },
    { name: 'graph after deleting entities', tool: 'read_graph', args: {} },
    { name: 'observation naming a deleted entity still matches', tool: 'search_nodes', args: { query: 'acme' }, compare: 'unordered' },
    { name: 'graph as a resource', resource: 'knowledge-graph' },
    {
        name: 'create entities again: a deleted name is new, an existing one is not',
        tool: 'create_entities',
        args: {
            entities: [
                { name: acme, entityType: 'company', observations: ['reopened'] },
                { name: team, entityType: 'team', observations: [] },
            ],
        },
    },
    { name: 'delete unicode entities', tool: 'delete_entities', args: { entityNames: [zurich, beijing] } },
    { name: 'final graph', tool: 'read_graph', args: {} },
    { name: 'final graph as a resource', resource: 'knowledge-graph' },
];

/** With E2E_VERBOSE=1 every answer of both servers goes to stderr, for a person reading along. */
const verbose = process.env.E2E_VERBOSE === '1';

const RESOURCE_URIS = { reference: 'memory://knowledge-graph', mnemo: 'mnemo://knowledge-graph' };

class SetupError extends Error {}

function usage() {
    return 'usage: node compare.mjs TEMP_DIR MNEMO_COMMAND [MNEMO_ARG...]   (e.g. node compare.mjs /tmp/e2e dotnet mnemo.dll)';
}

/** A clean environment for a server: PATH and HOME, what .NET needs to find itself, and the server's own settings. */
function cleanEnv(extra) {
    const env = {};
    for (const name of ['PATH', 'HOME', 'DOTNET_ROOT']) {
        if (process.env[name] !== undefined) {
            env[name] = process.env[name];
        }
    }
    return { ...env, ...extra };
}

/** Starts a server over stdio and connects an SDK client to it; stderr is kept for the report. */
async function connect(label, command, args, env, cwd) {
    const transport = new StdioClientTransport({ command, args, env, cwd, stderr: 'pipe' });
    const stderr = [];
    transport.stderr?.on('data', chunk => stderr.push(chunk.toString()));
    const client = new Client({ name: `mnemo-e2e-${label}`, version: '1.0.0' });
    try {
        await client.connect(transport);
    } catch (error) {
        await transport.close().catch(() => {});
        throw new SetupError(`${label}: could not start \`${[command, ...args].join(' ')}\`: ${message(error)}; stderr: ${tail(stderr)}`);
    }
    return { label, client, transport, stderr };
}

function message(error) {
    return error instanceof Error ? error.message : String(error);
}

function tail(chunks) {
    const text = chunks.join('');
    return text.length > 2000 ? `...${text.slice(-2000)}` : text;
}

/** Property names required at every level of a JSON schema, keyed by where they are: what a caller must send. */
function requiredShape(schema, at = '$', shape = {}) {
    if (!schema || typeof schema !== 'object') {
        return shape;
    }
    if (Array.isArray(schema.required) && schema.required.length > 0) {
        shape[at] = [...schema.required].sort();
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
        requiredShape(property, `${at}.${name}`, shape);
    }
    if (schema.items) {
        requiredShape(schema.items, `${at}[]`, shape);
    }
    return shape;
}

/** JSON with object keys sorted, so that equal values give equal text whatever order their keys came in. */
function canonical(value) {
    if (Array.isArray(value)) {
        return `[${value.map(canonical).join(',')}]`;
    }
    if (value && typeof value === 'object') {
        return `{${Object.keys(value).sort().map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

function textOf(result) {
    return (result.content ?? []).filter(block => block.type === 'text').map(block => block.text).join('');
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return { unparsedText: text };
    }
}

/** One server's answer to one step, as a plain value: {isError, value} or {isError, message}, or {protocolError}. */
async function run(server, step) {
    try {
        if (step.resource) {
            const result = await server.client.readResource({ uri: RESOURCE_URIS[server.label] });
            const contents = result.contents ?? [];
            return {
                isError: false,
                value: {
                    count: contents.length,
                    mimeType: contents[0]?.mimeType,
                    graph: parseJson(contents[0]?.text ?? ''),
                },
            };
        }
        const result = await server.client.callTool({ name: step.tool, arguments: step.args });
        if (result.isError) {
            return { isError: true, message: textOf(result) };
        }
        return { isError: false, value: result.structuredContent ?? parseJson(textOf(result)) };
    } catch (error) {
        return { protocolError: message(error) };
    }
}

function byText(a, b) {
    const x = canonical(a);
    const y = canonical(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

/** For 'unordered' steps: entities and relations sorted, so that only which ones came back counts. */
function unordered(answer) {
    if (answer.isError || !answer.value || typeof answer.value !== 'object') {
        return answer;
    }
    const value = { ...answer.value };
    for (const key of ['entities', 'relations']) {
        if (Array.isArray(value[key])) {
            value[key] = [...value[key]].sort(byText);
        }
    }
    return { ...answer, value };
}

/** Why the two answers to a step differ, or null when they agree. */
function difference(step, reference, mnemo) {
    if (reference.protocolError || mnemo.protocolError) {
        return reference.protocolError && mnemo.protocolError ? null : 'only one server failed the request itself';
    }
    if (step.compare === 'error-prefix') {
        if (!reference.isError || !mnemo.isError) {
            return 'both servers should answer with a tool error';
        }
        if (reference.message.length === 0 || !mnemo.message.startsWith(reference.message)) {
            return "Mnemo's error message should start with the reference's";
        }
        return null;
    }
    const [a, b] = step.compare === 'unordered' ? [unordered(reference), unordered(mnemo)] : [reference, mnemo];
    if (a.isError !== b.isError) {
        return 'only one server answered with a tool error';
    }
    if (a.isError) {
        return null;
    }
    return canonical(a.value) === canonical(b.value) ? null : 'the answers differ';
}

async function main() {
    const [tempDir, ...mnemoCommand] = process.argv.slice(2);
    if (!tempDir || mnemoCommand.length === 0) {
        throw new SetupError(usage());
    }
    const temp = path.resolve(tempDir);
    mkdirSync(temp, { recursive: true });
    const require = createRequire(import.meta.url);
    const referenceMain = path.join(path.dirname(require.resolve('@modelcontextprotocol/server-memory/package.json')), 'dist', 'index.js');

    const servers = [];
    const report = { calls: 0, mismatches: [], servers: {} };
    try {
        servers.push(await connect('reference', process.execPath, [referenceMain],
            cleanEnv({ MEMORY_FILE_PATH: path.join(temp, 'memory.jsonl') }), temp));
        servers.push(await connect('mnemo', mnemoCommand[0], [...mnemoCommand.slice(1), 'mcp'],
            cleanEnv({ MNEMO_DB: path.join(temp, 'mnemo.db') }), temp));
        const [reference, mnemo] = servers;
        for (const server of servers) {
            report.servers[server.label] = server.client.getServerVersion();
        }

        // The tools: the nine knowledge-graph tools on both, each asking for the same properties.
        const tools = {};
        for (const server of servers) {
            try {
                tools[server.label] = new Map((await server.client.listTools()).tools.map(tool => [tool.name, tool]));
            } catch (error) {
                throw new SetupError(`${server.label}: tools/list failed: ${message(error)}`);
            }
        }
        report.calls++;
        for (const name of GRAPH_TOOLS) {
            const [a, b] = [tools.reference.get(name), tools.mnemo.get(name)];
            if (!a || !b) {
                report.mismatches.push({ step: `tools/list: ${name}`, why: `missing on ${!a ? 'the reference server' : 'Mnemo'}` });
                continue;
            }
            const [ra, rb] = [requiredShape(a.inputSchema), requiredShape(b.inputSchema)];
            if (verbose) {
                process.stderr.write(`${JSON.stringify({ tool: name, reference: ra, mnemo: rb })}\n`);
            }
            if (canonical(ra) !== canonical(rb)) {
                report.mismatches.push({ step: `tools/list: ${name}`, why: 'required input properties differ', reference: ra, mnemo: rb });
            }
        }

        // The script, one step at a time on both servers.
        for (const step of SCRIPT) {
            const [a, b] = await Promise.all([run(reference, step), run(mnemo, step)]);
            report.calls++;
            if (verbose) {
                process.stderr.write(`${JSON.stringify({ step: step.name, reference: a, mnemo: b })}\n`);
            }
            const why = difference(step, a, b);
            if (why) {
                report.mismatches.push({
                    step: step.name,
                    call: step.resource ? { resource: RESOURCE_URIS } : { tool: step.tool, arguments: step.args },
                    compare: step.compare ?? 'exact',
                    why,
                    reference: a,
                    mnemo: b,
                });
            }
        }
    } finally {
        await Promise.all(servers.map(server => server.client.close().catch(() => {})));
    }
    if (report.mismatches.length > 0) {
        report.stderr = Object.fromEntries(servers.map(server => [server.label, tail(server.stderr)]));
    }
    return report;
}

try {
    const report = await main();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.mismatches.length === 0 ? 0 : 1;
} catch (error) {
    process.stdout.write(`${JSON.stringify({ calls: 0, mismatches: [], setupError: message(error) }, null, 2)}\n`);
    if (!(error instanceof SetupError)) {
        process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 2;
}
