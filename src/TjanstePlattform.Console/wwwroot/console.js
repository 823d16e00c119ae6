// TjänstePlattform operator console: plain JS over the platform's own REST API (no build step, no library).
'use strict';

(() => {
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

  /** Creates an element; text is always set as text (never parsed as HTML), so no value from the API can inject markup. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') element.className = value;
      else if (name === 'text') element.textContent = value;
      else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  // ---- REST with problem+json errors ------------------------------------------------------------------------
  class Problem extends Error {
    constructor(status, body) {
      super((body && (body.detail || body.title)) || `HTTP ${status}`);
      this.status = status;
      this.body = body || {};
    }
  }

  const tokenInput = $('#admin-token');
  tokenInput.value = sessionStorage.getItem('tjp-admin-token') || '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem('tjp-admin-token', tokenInput.value.trim()));

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const token = tokenInput.value.trim();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    headers['X-Catalog-Author'] = 'console';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch { json = { title: text.slice(0, 500) }; }
    }
    if (!response.ok) throw new Problem(response.status, json);
    return json;
  }

  /** Shows an API problem (title, detail and each field's errors) in a box; marks the named inputs of a form. */
  function showProblem(box, error, form) {
    box.replaceChildren();
    if (form) $$('.invalid', form).forEach(input => input.classList.remove('invalid'));
    if (!error) { box.hidden = true; return; }
    const body = error instanceof Problem ? error.body : { title: String(error) };
    box.append(el('strong', { text: body.title || 'Error' }));
    if (error instanceof Problem) box.append(el('span', { class: 'status', text: ` (HTTP ${error.status})` }));
    if (body.detail) box.append(el('div', { class: 'detail-text', text: body.detail }));
    if (body.errors) {
      const list = el('ul', { class: 'field-errors' });
      for (const [field, messages] of Object.entries(body.errors)) {
        list.append(el('li', {}, el('code', { text: field }), ': ', [].concat(messages).join(' ')));
        const input = form && form.querySelector(`[name="${CSS.escape(field)}"]`);
        if (input) input.classList.add('invalid');
      }
      box.append(list);
    } else if (form && body.detail) {
      // Problems without an errors map name the field in the detail ('physicalAddress' must be …): mark that input.
      $$('input[name]', form).filter(input => body.detail.includes(`'${input.name}'`)).forEach(input => input.classList.add('invalid'));
    }
    box.hidden = false;
  }

  const globalError = $('#global-error');
  function reportGlobal(error) {
    if (error instanceof Problem && (error.status === 401 || error.status === 403)) {
      showProblem(globalError, error);
    } else if (!error) {
      globalError.hidden = true;
    }
  }

  // ---- Tabs ---------------------------------------------------------------------------------------------------
  const loaders = {};
  function showTab(name) {
    $$('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
    $$('main > .tab').forEach(s => { s.hidden = s.id !== `tab-${name}`; });
    history.replaceState(null, '', `#${name}`);
    if (loaders[name]) loaders[name]();
  }
  $$('#tabs button').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));

  const fmtTime = iso => {
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleTimeString('sv-SE', { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  };
  const fmtMs = ms => (ms === null || ms === undefined) ? '' : (ms < 10 ? ms.toFixed(1) : Math.round(ms));
  const shortContract = ns => {
    if (!ns) return '';
    const parts = ns.split(':');
    const responder = parts.find(p => p.endsWith('Responder'));
    return responder ? `${responder.replace(/Responder$/, '')} v${parts[parts.length - 1]}` : ns;
  };

  // ---- Live calls ---------------------------------------------------------------------------------------------
  let selectedCall = null;
  let callsTimer = null;

  async function refreshCalls() {
    if ($('#calls-paused').checked) return;
    const query = new URLSearchParams({ limit: '200' });
    for (const name of ['contract', 'sender', 'receiver', 'result']) {
      const value = $(`#filter-${name}`).value.trim();
      if (value) query.set(name, value);
    }
    try {
      const calls = await api('GET', `/api/v1/calls?${query}`);
      reportGlobal(null);
      renderCalls(calls);
      $('#calls-status').textContent = `${calls.length} call(s), updated ${new Date().toLocaleTimeString('sv-SE')}`;
    } catch (error) {
      reportGlobal(error);
      $('#calls-status').textContent = error.message;
    }
  }

  function renderCalls(calls) {
    const body = $('#calls-table tbody');
    body.replaceChildren(...calls.map(call => el('tr', {
      class: `${call.result === 'OK' ? 'ok' : 'fault'}${call.correlationId === selectedCall ? ' selected' : ''}`,
      'data-correlation-id': call.correlationId,
      'data-result': call.result,
      onclick: () => selectCall(call.correlationId),
    },
      el('td', { text: fmtTime(call.time) }),
      el('td', { class: 'mono', text: call.correlationId }),
      el('td', { text: call.sender || '' }),
      el('td', { text: call.receiver || '' }),
      el('td', { title: call.contract || '', text: shortContract(call.contract) }),
      el('td', { class: 'result', text: call.result }),
      el('td', { class: 'num', text: fmtMs(call.durationMs) }),
      el('td', { class: 'num', text: fmtMs(call.producerMs) }),
    )));
  }

  async function selectCall(correlationId) {
    selectedCall = correlationId;
    $$('#calls-table tbody tr').forEach(r => r.classList.toggle('selected', r.dataset.correlationId === correlationId));
    const detail = $('#call-detail');
    try {
      renderDetail(detail, await api('GET', `/api/v1/calls/${encodeURIComponent(correlationId)}`));
    } catch (error) {
      const box = el('div', { class: 'problem' });
      showProblem(box, error);
      detail.replaceChildren(box);
    }
  }

  function headerTable(title, headers) {
    return el('details', { open: true }, el('summary', { text: `${title} (${headers.length})` }),
      el('table', { class: 'headers' }, el('tbody', {}, headers.map(h => el('tr', {}, el('th', { text: h.key }), el('td', { class: 'mono', text: h.value }))))));
  }

  function renderDetail(detail, data) {
    const parts = [el('h2', {}, 'Correlation id ', el('span', { class: 'mono', text: data.correlationId }))];
    for (const fanOut of data.fanOuts) {
      const branches = fanOut.branches.map(b => el('li', { class: `branch ${b.status === 'DataFromSource' ? 'ok' : 'fault'}`, 'data-logical-address': b.logicalAddress, 'data-status': b.status },
        el('span', { class: 'address', text: b.logicalAddress }), ' — ',
        el('span', { class: 'processing-status', text: b.status }),
        b.status === 'DataFromSource'
          ? el('span', { class: 'muted', text: ` (${b.recordCount} record(s))` })
          : el('span', { class: 'failure', text: ` ${b.code || ''} ${b.causingAgent || ''}: ${b.text || ''}` })));
      parts.push(el('div', { class: 'fanout' },
        el('h3', { text: `Fan-out: ${fanOut.contract} for ${fanOut.patientId}` }),
        el('p', { class: 'muted', text: fanOut.fault ? `Fault: ${fanOut.fault}` : `${fanOut.branches.length} source system(s) asked in ${fmtMs(fanOut.durationMs)} ms` }),
        el('ul', { class: 'tree' }, el('li', { class: 'root' }, el('span', { text: 'aggregating service' }), el('ul', {}, branches)))));
    }
    for (const call of data.calls) {
      parts.push(el('div', { class: `call ${call.result === 'OK' ? 'ok' : 'fault'}` },
        el('h3', { text: `${fmtTime(call.time)} ${call.sender || '?'} → ${call.receiver || '?'}: ${call.result}` }),
        el('dl', {},
          el('dt', { text: 'Contract' }), el('dd', { class: 'mono', text: call.contract || '' }),
          el('dt', { text: 'HTTP status' }), el('dd', { text: String(call.httpStatus) }),
          el('dt', { text: 'Duration' }), el('dd', { text: `${fmtMs(call.durationMs)} ms` }),
          el('dt', { text: 'Producer' }), el('dd', { text: call.producerAddress ? `${call.producerAddress} (${fmtMs(call.producerMs)} ms)` : '—' }),
          call.traceId ? [el('dt', { text: 'Trace id' }), el('dd', { class: 'mono', text: call.traceId })] : null),
        headerTable('Request headers', call.requestHeaders),
        headerTable('Response headers', call.responseHeaders)));
    }
    detail.replaceChildren(...parts);
  }

  $('#call-filters').addEventListener('submit', e => { e.preventDefault(); refreshCalls(); });
  $$('#call-filters input').forEach(i => i.addEventListener('input', () => refreshCalls()));
  loaders.calls = () => {
    refreshCalls();
    if (!callsTimer) callsTimer = setInterval(() => { if (!$('#tab-calls').hidden) refreshCalls(); }, 1000);
  };

  // ---- Catalog ------------------------------------------------------------------------------------------------
  const entities = {
    serviceProductions: {
      title: 'Routing (vägval)',
      fields: [['serviceProducer', 'Producer HSA id'], ['logicalAddress', 'Logical address'], ['serviceContract', 'Service contract namespace'],
        ['physicalAddress', 'Physical address (URL)'], ['rivtaProfile', 'RIV profile', 'RIVTABP21'], ['validFrom', 'Valid from', '', 'date'], ['validTo', 'Valid to', '', 'date']],
      columns: ['id', 'logicalAddress', 'serviceContract', 'physicalAddress', 'rivtaProfile', 'serviceProducer', 'validFrom', 'validTo'],
    },
    cooperations: {
      title: 'Authorization (anropsbehörighet)',
      fields: [['serviceConsumer', 'Consumer HSA id'], ['logicalAddress', 'Logical address'], ['serviceContract', 'Service contract namespace'],
        ['validFrom', 'Valid from', '', 'date'], ['validTo', 'Valid to', '', 'date']],
      columns: ['id', 'serviceConsumer', 'logicalAddress', 'serviceContract', 'validFrom', 'validTo'],
    },
    components: { title: 'Service component', fields: [['hsaId', 'HSA id'], ['description', 'Description']], columns: ['id', 'hsaId', 'description'] },
    logicalAddresses: { title: 'Logical address', fields: [['hsaId', 'HSA id'], ['description', 'Description']], columns: ['id', 'hsaId', 'description'] },
    serviceContracts: {
      title: 'Service contract',
      fields: [['namespace', 'Namespace'], ['major', 'Major', '', 'number'], ['minor', 'Minor', '', 'number'], ['description', 'Description']],
      columns: ['id', 'namespace', 'major', 'minor', 'description'],
    },
  };
  let currentEntity = 'serviceProductions';
  let editing = null;
  const form = $('#entity-form');

  function buildForm() {
    const spec = entities[currentEntity];
    $('#entity-form-title').textContent = editing ? `Edit ${spec.title.toLowerCase()} ${editing.id}` : `New ${spec.title.toLowerCase()}`;
    $('#entity-fields').replaceChildren(...spec.fields.map(([name, label, value, type]) =>
      el('label', {}, label, el('input', { name, id: `field-${name}`, type: type || 'text', value: editing ? (editing[name] ?? '') : (value || '') }))));
    $('#entity-save').textContent = editing ? 'Save' : 'Create';
    $('#entity-cancel').hidden = !editing;
    showProblem($('#entity-error'), null, form);
  }

  async function loadEntities() {
    const spec = entities[currentEntity];
    const table = $('#entity-table');
    table.tHead.replaceChildren(el('tr', {}, spec.columns.map(c => el('th', { text: c })), el('th')));
    try {
      const rows = await api('GET', `/api/v1/${currentEntity}`);
      reportGlobal(null);
      table.tBodies[0].replaceChildren(...rows.map(row => el('tr', { 'data-id': row.id },
        spec.columns.map(c => el('td', { text: row[c] ?? '' })),
        el('td', { class: 'row-actions' },
          el('button', { type: 'button', class: 'edit', onclick: () => { editing = row; buildForm(); } }, 'Edit'),
          el('button', { type: 'button', class: 'delete', onclick: () => deleteEntity(row) }, 'Delete')))));
    } catch (error) {
      reportGlobal(error);
      showProblem($('#entity-error'), error);
    }
  }

  function formBody() {
    const body = {};
    for (const [name, , , type] of entities[currentEntity].fields) {
      const value = form.elements[name].value.trim();
      if (value === '') continue;
      body[name] = type === 'number' ? Number(value) : value;
    }
    return body;
  }

  async function deleteEntity(row) {
    if (!confirm(`Delete ${entities[currentEntity].title.toLowerCase()} ${row.id}?`)) return;
    try {
      await api('DELETE', `/api/v1/${currentEntity}/${row.id}`);
      showProblem($('#entity-error'), null, form);
    } catch (error) {
      showProblem($('#entity-error'), error, form);
    }
    loadEntities();
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const saved = $('#entity-saved');
    saved.hidden = true;
    try {
      // The API has no update: an edit creates the new entry first (so a bad input changes nothing), then deletes the old one.
      const created = await api('POST', `/api/v1/${currentEntity}`, formBody());
      if (editing) await api('DELETE', `/api/v1/${currentEntity}/${editing.id}`);
      saved.textContent = editing ? `Saved as ${created.id}` : `Created ${created.id}`;
      saved.hidden = false;
      editing = null;
      buildForm();
      loadEntities();
    } catch (error) {
      showProblem($('#entity-error'), error, form);
    }
  });
  $('#entity-cancel').addEventListener('click', () => { editing = null; buildForm(); });

  async function loadVersions() {
    try {
      const versions = await api('GET', '/api/v1/versions');
      const ordered = [...versions].sort((a, b) => b.number - a.number);
      $('#versions-table tbody').replaceChildren(...ordered.map(v => el('tr', { 'data-version': v.number },
        el('td', { text: v.number }), el('td', { text: new Date(v.publishedAt).toLocaleString('sv-SE') }), el('td', { text: v.publishedBy }),
        el('td', { text: v.comment || '' }), el('td', { text: v.counts ? v.counts.serviceProductions : '' }), el('td', { text: v.counts ? v.counts.cooperations : '' }),
        el('td', { class: 'row-actions' },
          v.number > 1 ? el('button', { type: 'button', class: 'diff', onclick: () => diffVersions(v.number - 1, v.number) }, 'Diff with previous') : null,
          el('button', { type: 'button', class: 'rollback', onclick: () => rollback(v.number) }, 'Roll back to this')))));
    } catch (error) {
      showProblem($('#version-error'), error);
    }
  }

  const entityLines = document => {
    const lines = [];
    for (const [collection, items] of Object.entries(document)) {
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const { id, ...rest } = item;
        lines.push(`${collection}: ${JSON.stringify(rest)}`);
      }
    }
    return new Set(lines);
  };

  async function diffVersions(from, to) {
    const box = $('#version-diff');
    try {
      const [a, b] = await Promise.all([api('GET', `/api/v1/versions/${from}`), api('GET', `/api/v1/versions/${to}`)]);
      const before = entityLines(a), after = entityLines(b);
      const removed = [...before].filter(l => !after.has(l)).map(l => el('div', { class: 'removed', text: `- ${l}` }));
      const added = [...after].filter(l => !before.has(l)).map(l => el('div', { class: 'added', text: `+ ${l}` }));
      box.replaceChildren(el('div', { class: 'diff-title', text: `Version ${from} → ${to}` }), ...removed, ...added,
        removed.length + added.length === 0 ? el('div', { text: 'No change.' }) : null);
      box.hidden = false;
      showProblem($('#version-error'), null);
    } catch (error) {
      showProblem($('#version-error'), error);
    }
  }

  async function rollback(number) {
    if (!confirm(`Publish the content of version ${number} as a new version?`)) return;
    try {
      await api('POST', `/api/v1/versions/${number}/rollback`);
      showProblem($('#version-error'), null);
      loadVersions();
    } catch (error) {
      showProblem($('#version-error'), error);
    }
  }

  function showEntity(name) {
    $$('#catalog-tabs button').forEach(b => b.classList.toggle('active', b.dataset.entity === name));
    const versions = name === 'versions';
    $('#catalog-entity').hidden = versions;
    $('#catalog-versions').hidden = !versions;
    if (versions) { loadVersions(); return; }
    currentEntity = name;
    editing = null;
    buildForm();
    loadEntities();
  }
  $$('#catalog-tabs button').forEach(b => b.addEventListener('click', () => showEntity(b.dataset.entity)));
  loaders.catalog = () => showEntity($('#catalog-tabs button.active').dataset.entity);

  // ---- Engagement index ---------------------------------------------------------------------------------------
  $('#ei-form').addEventListener('submit', async e => {
    e.preventDefault();
    const query = new URLSearchParams({ personId: $('#ei-person').value.trim(), serviceDomain: $('#ei-domain').value.trim() });
    try {
      const rows = await api('GET', `/api/v1/engagementIndex/engagements?${query}`);
      showProblem($('#ei-error'), null);
      $('#ei-table tbody').replaceChildren(...(rows.length === 0
        ? [el('tr', {}, el('td', { colspan: '7', class: 'muted', text: 'No engagements.' }))]
        : rows.map(r => el('tr', {},
          el('td', { text: r.logicalAddress }), el('td', { text: r.sourceSystem }), el('td', { text: r.categorization }),
          el('td', { text: r.businessObjectInstanceIdentifier }), el('td', { text: r.mostRecentContent || '' }), el('td', { text: r.owner }),
          el('td', { text: r.updateTime || r.creationTime || '' })))));
    } catch (error) {
      showProblem($('#ei-error'), error);
    }
  });

  // ---- Source systems and their faults ------------------------------------------------------------------------
  const faultSwitches = {
    closeConnection: () => ({ probability: 1 }),
    httpError: () => ({ probability: 1, statusCode: 503 }),
    soapFault: () => ({ probability: 1, faultCode: 'Server', faultString: 'Fault switched on in the operator console' }),
    malformedXml: () => ({ probability: 1 }),
    latency: () => ({ probability: 1, milliseconds: 5000 }),
  };

  async function loadSources() {
    try {
      const systems = await api('GET', '/api/v1/sourceSystems');
      showProblem($('#sources-error'), null);
      $('#sources-table tbody').replaceChildren(...systems.map(system => {
        const faults = system.faults || {};
        return el('tr', { 'data-hsa-id': system.hsaId },
          el('td', {}, el('strong', { text: system.name || system.hsaId }), el('div', { class: 'mono muted', text: system.hsaId })),
          el('td', { class: 'mono', text: (system.logicalAddresses || []).join(', ') }),
          Object.keys(faultSwitches).map(kind => el('td', {}, el('input', {
            type: 'checkbox', class: `fault-${kind}`, 'data-fault': kind, checked: !!faults[kind],
            title: faults[kind] ? JSON.stringify(faults[kind]) : 'off',
            onchange: () => setFault(system.hsaId, faults, kind),
          }))),
          el('td', {}, el('button', { type: 'button', class: 'reset', onclick: () => resetFaults(system.hsaId) }, 'Reset')));
      }));
    } catch (error) {
      reportGlobal(error);
      showProblem($('#sources-error'), error);
    }
  }

  async function setFault(hsaId, current, kind) {
    const settings = { ...current };
    if (settings[kind]) delete settings[kind]; else settings[kind] = faultSwitches[kind]();
    for (const key of Object.keys(settings)) if (settings[key] === null) delete settings[key];
    try {
      await api('PUT', `/api/v1/sourceSystems/${encodeURIComponent(hsaId)}/faults`, settings);
    } catch (error) {
      showProblem($('#sources-error'), error);
    }
    loadSources();
  }

  async function resetFaults(hsaId) {
    try {
      await api('DELETE', `/api/v1/sourceSystems/${encodeURIComponent(hsaId)}/faults`);
    } catch (error) {
      showProblem($('#sources-error'), error);
    }
    loadSources();
  }
  loaders.sources = loadSources;

  // ---- WSDL ---------------------------------------------------------------------------------------------------
  loaders.wsdl = async () => {
    try {
      const wsdls = await api('GET', '/api/v1/wsdls');
      $('#wsdl-list').replaceChildren(...wsdls.map(w => el('li', {}, el('a', { href: w.url, text: w.path }))));
    } catch (error) {
      reportGlobal(error);
    }
  };

  loaders.engagements = () => $('#ei-person').focus();
  const initial = (location.hash || '').slice(1);
  showTab(initial in loaders ? initial : 'calls');
})();
