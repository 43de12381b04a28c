/**
 * Telling people things: an in-app notification (stored, and pushed live to their open
 * screens) and, when email is configured and the person wants this kind straight away, an email
 * in general words with a link.
 */
import { schema, type Db } from "@roundtable/db";
import { eq, inArray } from "drizzle-orm";
import { emailChoicesFor } from "./email-preferences.js";
import { emailWordingFor } from "./email-wording.js";
import type { Mailer } from "./mailer.js";
import type { PersonNotification } from "../realtime/presence.js";

export interface NotificationContent {
  kind: string;
  title: string;
  body: string;
  /** A path inside Roundtable, e.g. /meetings/<id>. */
  link: string | null;
}

export class Notifier {
  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer | null,
    private readonly publicUrl: string,
    private readonly push: (n: PersonNotification) => void,
  ) {}

  /**
   * Push notifications already stored (e.g. inside another transaction) and email those whose
   * person wants this kind straight away; the daily digest gathers the "daily email" ones.
   */
  async deliver(stored: PersonNotification[]): Promise<void> {
    for (const n of stored) this.push(n);
    if (!this.mailer || stored.length === 0) return;
    const toEmail: PersonNotification[] = [];
    for (const kind of new Set(stored.map((n) => n.kind))) {
      const ofKind = stored.filter((n) => n.kind === kind);
      const choices = await emailChoicesFor(this.db, [...new Set(ofKind.map((n) => n.personId))], kind);
      toEmail.push(...ofKind.filter((n) => choices.get(n.personId) === "immediately"));
    }
    if (toEmail.length === 0) return;
    const people = await this.db
      .select({ id: schema.people.id, email: schema.people.email, name: schema.people.name, serviceName: schema.services.name })
      .from(schema.people)
      .innerJoin(schema.services, eq(schema.services.id, schema.people.serviceId))
      .where(inArray(schema.people.id, [...new Set(toEmail.map((n) => n.personId))]));
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const n of toEmail) {
      const person = byId.get(n.personId);
      if (!person) continue;
      const link = n.link ? `\n\nOpen it in Roundtable: ${this.publicUrl}${n.link}` : "";
      const wording = emailWordingFor(n.kind, { serviceName: person.serviceName });
      await this.mailer.send({ to: person.email, subject: wording.subject, text: `Dear ${person.name},\n\n${wording.text}${link}\n\nRoundtable` });
    }
  }

  /** Store, push and email one notification to each person. */
  async notify(personIds: readonly string[], content: NotificationContent): Promise<void> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return;
    const rows = await this.db
      .insert(schema.notifications)
      .values(ids.map((personId) => ({ personId, ...content })))
      .returning();
    await this.deliver(rows.map((r) => ({ personId: r.personId, id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link })));
  }
}
