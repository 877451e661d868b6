import { MessageType, NullLogger, type CompletionMessage } from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";
import { describe, expect, test } from "vitest";
import errorCodeSource from "../../Sunderfall.Protocol/Errors/ErrorCode.cs?raw";
import protocolDoc from "../../docs/protocol.md?raw";
import { errorName, normalize, type CallResult } from "../src/protocol/wire";

/** `Name = number` pairs of the C# enum, the wire contract. */
function declaredCodes(): [string, number][] {
  return [...errorCodeSource.matchAll(/^\s*(\w+) = (\d+),/gm)].map((m) => [m[1], Number(m[2])]);
}

describe("error codes", () => {
  test("every code the server declares decodes from its number to its name", () => {
    const codes = declaredCodes();
    expect(codes.length).toBeGreaterThan(20);
    for (const [name, code] of codes) {
      expect(errorName(code)).toBe(name);
    }
  });

  test("docs/protocol.md lists each code under the number the server sends", () => {
    for (const [name, code] of declaredCodes().filter(([, c]) => c > 0)) {
      expect(protocolDoc).toContain(`| ${code} | \`${name}\` |`);
    }
  });

  test("a MessagePack reply carrying the code as a number reads as the code's name", () => {
    const protocol = new MessagePackHubProtocol();
    const reply: CompletionMessage = {
      type: MessageType.Completion,
      invocationId: "1",
      headers: {},
      result: { Ok: false, Value: null, Error: { Code: 9, Message: "not yours" } },
    };
    const [parsed] = protocol.parseMessages(protocol.writeMessage(reply) as ArrayBuffer, NullLogger.instance);
    const result = normalize<CallResult<unknown>>((parsed as CompletionMessage).result);

    expect(result.ok).toBe(false);
    expect(errorName(result.error?.code)).toBe("Forbidden");
  });
});
