import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** The sessions the running application recorded (the local sink's file), and the events of the one picked. */
export class QwcHoneyhiveSessions extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 1em; height: 100%; }
        .source { color: var(--lumo-contrast-70pct); font-size: var(--lumo-font-size-s); }
        .error { color: var(--lumo-error-text-color); }
        .event { font-family: var(--lumo-font-family-monospace, monospace); }
    `;

    static properties = {
        _source: { state: true },
        _sessions: { state: true },
        _selected: { state: true },
        _events: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
    }

    _refresh() {
        this.jsonRpc.getSource().then(r => { this._source = r.result; });
        this.jsonRpc.getSessions().then(r => { this._sessions = r.result; });
        if (this._selected) {
            this._select(this._selected);
        }
    }

    _select(sessionId) {
        this._selected = sessionId;
        this.jsonRpc.getEvents({ sessionId: sessionId }).then(r => { this._events = r.result; });
    }

    render() {
        if (!this._source || !this._sessions) {
            return html`<span>Loading…</span>`;
        }
        return html`
            <div class="source">
                ${this._source.eventsFile
                    ? html`Events from ${this._source.eventsFile}${this._source.sending ? ', also sent to HoneyHive' : ' (test mode: nothing is sent)'}.`
                    : html`No local sink file is configured: set honeyhive.local-sink to a file to see sessions here.`}
                <vaadin-button theme="small" @click=${() => this._refresh()}>Refresh</vaadin-button>
            </div>
            <vaadin-grid .items=${this._sessions} theme="no-border row-stripes" all-rows-visible
                    @active-item-changed=${e => e.detail.value && this._select(e.detail.value.sessionId)}>
                <vaadin-grid-column header="Session" flex-grow="4" ${columnBodyRenderer(s => this._sessionCell(s), [])}></vaadin-grid-column>
                <vaadin-grid-column header="Started" path="started" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Events" path="events" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Errors" ${columnBodyRenderer(s => s.errors ? html`<span class="error">${s.errors}</span>` : html`0`, [])} auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Duration (ms)" ${columnBodyRenderer(s => html`${s.durationMs.toFixed(0)}`, [])} auto-width></vaadin-grid-column>
            </vaadin-grid>
            ${this._events ? this._eventTree() : ''}
        `;
    }

    _sessionCell(session) {
        const link = this._source.sessionLink;
        return html`${session.name} <code>${session.sessionId}</code>
            ${link ? html`<a href=${link.replace('{session}', session.sessionId)} target="_blank">open in HoneyHive</a>` : ''}`;
    }

    _eventTree() {
        return html`<div>
            ${this._events.map(e => html`
                <div class="event" style="padding-left: ${e.depth * 1.5}em">
                    ${e.name} [${e.eventType}] ${e.durationMs.toFixed(1)} ms
                    ${e.error ? html`<span class="error">${e.error}</span>` : ''}
                    ${e.model ? html`<div class="model">model ${e.model}</div>` : ''}
                    ${e.chat.map(line => html`<div class="chat">${line}</div>`)}
                    ${e.inputs ? html`<div>in: ${e.inputs}</div>` : ''}
                    ${e.outputs ? html`<div>out: ${e.outputs}</div>` : ''}
                </div>`)}
        </div>`;
    }
}
customElements.define('qwc-honeyhive-sessions', QwcHoneyhiveSessions);
