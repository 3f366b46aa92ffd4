/**
 * Preload: exposes nothing yet. The renderer talks to the host over HTTP/WS
 * only; any future bridge goes through contextBridge with typed, validated calls.
 */
export {};
