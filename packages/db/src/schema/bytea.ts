/** A bytea column read as a plain Uint8Array, whichever driver answers. */
import { customType } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // postgres.js hands back a Buffer, PGlite a Uint8Array: normalise to a plain view.
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});
