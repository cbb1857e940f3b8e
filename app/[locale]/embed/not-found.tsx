import { EmbedErrorCard } from "@/components/embed/embed-error-card";

/** An unknown operator or incident in an embed: a small card inside the frame (HTTP 404). */
export default function EmbedNotFound() {
  return <EmbedErrorCard theme="light" problem="not-found" />;
}
