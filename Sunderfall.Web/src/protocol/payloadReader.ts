// Port of Sunderfall.Protocol/Sync/PayloadReader.cs: reads the primitives of a WorldDelta payload, turning every
// defect into a MalformedPayloadError. Varints are unsigned LEB128 in their shortest form, at most 10 bytes.

/** A payload that cannot be applied: truncated, a bad varint, invalid UTF-8, or not fitting what the view knows. */
export class MalformedPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedPayloadError";
  }
}

export const MAX_VARINT_BYTES = 10;
export const INT32_MAX = 2147483647;
export const INT32_MIN = -2147483648;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Undoes zigzag coding. Values up to 2^53 are exact; larger ones (which no valid payload holds, since every field
 * must end in the 32-bit range) keep their magnitude, so range checks still refuse them.
 */
export function unZigZag(value: number): number {
  if (value > Number.MAX_SAFE_INTEGER) {
    return value / 2;
  }
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

export class PayloadReader {
  private position = 0;

  constructor(private readonly data: Uint8Array) {}

  get atEnd(): boolean {
    return this.position === this.data.length;
  }

  get remaining(): number {
    return this.data.length - this.position;
  }

  readByte(what: string): number {
    if (this.position >= this.data.length) {
      throw this.truncated(what);
    }
    return this.data[this.position++];
  }

  /** An unsigned varint; exact up to 2^53 (see unZigZag for larger values). */
  readVarint(what: string): number {
    const start = this.position;
    let result = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (this.position >= this.data.length) {
        throw this.truncated(what);
      }
      const b = this.data[this.position++];
      if (shift === 63 && b > 1) {
        throw this.malformed(`the varint for ${what} at byte ${start} overflows 64 bits`);
      }
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        // A trailing zero group means the same value had a shorter encoding.
        if (b === 0 && shift > 0) {
          throw this.malformed(`the varint for ${what} at byte ${start} is not in its shortest form`);
        }
        return result;
      }
    }
    throw this.malformed(`the varint for ${what} at byte ${start} is longer than ${MAX_VARINT_BYTES} bytes`);
  }

  readSigned(what: string): number {
    return unZigZag(this.readVarint(what));
  }

  readSignedInt32(what: string): number {
    const value = this.readSigned(what);
    if (value < INT32_MIN || value > INT32_MAX) {
      throw this.malformed(`${what} ${value} is outside the 32-bit range`);
    }
    return value;
  }

  readNetId(what: string): number {
    const value = this.readVarint(what);
    if (value > INT32_MAX) {
      throw this.malformed(`${what} ${value} exceeds the largest net id ${INT32_MAX}`);
    }
    return value;
  }

  /** A record count; each record takes at least one byte, so it cannot exceed what is left. */
  readCount(what: string): number {
    const value = this.readVarint(what);
    if (value === 0) {
      throw this.malformed(`${what} is 0 although the header announces the section`);
    }
    if (value > this.remaining) {
      throw this.malformed(`${what} ${value} is more than the ${this.remaining} bytes left could hold`);
    }
    return value;
  }

  readName(what: string): string {
    const length = this.readVarint(what + " length");
    if (length > this.remaining) {
      throw this.truncated(what);
    }
    const bytes = this.data.subarray(this.position, this.position + length);
    this.position += length;
    try {
      return strictUtf8.decode(bytes);
    } catch {
      throw new MalformedPayloadError(`Malformed world delta payload: ${what} is not valid UTF-8.`);
    }
  }

  malformed(message: string): MalformedPayloadError {
    return new MalformedPayloadError(
      `Malformed world delta payload: ${message} (read up to byte ${this.position} of ${this.data.length}).`,
    );
  }

  private truncated(what: string): MalformedPayloadError {
    return this.malformed(`it ends while reading ${what}`);
  }
}
