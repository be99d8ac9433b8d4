import { assigned, caseless, token } from "../patterns.js";
import { BASE62, BASE64URL, HEX, LETTERS, fake } from "../samples.js";
import { prefixedToken } from "./define.js";
// OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI") in the middle; the legacy form requires it.
const OPENAI_MARKER = "T3Blbk" + "FJ";
const openaiKey = (prefix, seed) => prefix + fake("", 74, BASE64URL, `${seed}-a`) + OPENAI_MARKER + fake("", 74, BASE64URL, `${seed}-b`);
export const AI_DETECTORS = [
    prefixedToken({
        id: "openai-project-api-key",
        description: "OpenAI project API key",
        source: "https://platform.openai.com/docs/api-reference/authentication",
        prefix: "sk-proj-",
        body: String.raw `[\w-]{20,250}`,
        sample: (seed) => openaiKey("sk-" + "proj-", seed),
        variable: "OPENAI_API_KEY",
    }),
    prefixedToken({
        id: "openai-service-account-key",
        description: "OpenAI service account API key",
        source: "https://platform.openai.com/docs/api-reference/project-service-accounts",
        prefix: "sk-svcacct-",
        body: String.raw `[\w-]{20,250}`,
        sample: (seed) => openaiKey("sk-" + "svcacct-", seed),
        variable: "OPENAI_API_KEY",
    }),
    prefixedToken({
        id: "openai-admin-key",
        description: "OpenAI organization admin API key",
        source: "https://platform.openai.com/docs/api-reference/admin-api-keys",
        prefix: "sk-admin-",
        body: String.raw `[\w-]{20,250}`,
        sample: (seed) => openaiKey("sk-" + "admin-", seed),
        variable: "OPENAI_ADMIN_KEY",
    }),
    {
        id: "openai-api-key-legacy",
        description: "OpenAI user API key (legacy sk-…T3BlbkFJ… format)",
        source: "https://platform.openai.com/docs/api-reference/authentication",
        keywords: [OPENAI_MARKER.toLowerCase()],
        pattern: new RegExp(token(String.raw `sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`OPENAI_API_KEY=${fake("sk-", 20, BASE62, "openai-legacy-1")}${OPENAI_MARKER}${fake("", 20, BASE62, "openai-legacy-2")}`],
                falsePositives: [{ text: `marker = "${OPENAI_MARKER}"`, why: "the marker alone" }],
            };
        },
    },
    {
        id: "openai-api-key",
        description: "OpenAI-style sk- key assigned to an OpenAI key name (no format marker)",
        source: "https://platform.openai.com/docs/api-reference/authentication",
        keywords: ["openai"],
        pattern: new RegExp(assigned(`${caseless("openai")}[\\w.-]{0,20}?${caseless("key")}`, String.raw `sk-[\w-]{20,250}`)),
        entropy: 3.5,
        confidence: "medium",
        get samples() {
            return {
                truePositives: [`OPENAI_API_KEY=${fake("sk-", 48, BASE62, "openai-assigned")}`],
                falsePositives: [{ text: `OPENAI_API_KEY=sk-your-key-here`, why: "a placeholder" }],
            };
        },
    },
    prefixedToken({
        id: "anthropic-api-key",
        description: "Anthropic API key",
        source: "https://docs.anthropic.com/en/api/overview#authentication",
        prefix: "sk-ant-api03-",
        body: String.raw `[\w-]{32,120}`,
        sample: (seed) => fake("sk-ant-" + "api03-", 93, BASE64URL, seed) + "AA",
        variable: "ANTHROPIC_API_KEY",
    }),
    prefixedToken({
        id: "anthropic-admin-key",
        description: "Anthropic Admin API key",
        source: "https://docs.anthropic.com/en/api/administration-api",
        prefix: "sk-ant-admin01-",
        body: String.raw `[\w-]{32,120}`,
        sample: (seed) => fake("sk-ant-" + "admin01-", 93, BASE64URL, seed) + "AA",
        variable: "ANTHROPIC_ADMIN_KEY",
    }),
    prefixedToken({
        id: "huggingface-access-token",
        description: "Hugging Face user access token",
        source: "https://huggingface.co/docs/hub/security-tokens",
        prefix: "hf_",
        body: "[A-Za-z0-9]{34}",
        sample: (seed) => fake("h" + "f_", 34, LETTERS, seed),
        variable: "HF_TOKEN",
    }),
    prefixedToken({
        id: "huggingface-org-token",
        description: "Hugging Face organization API token",
        source: "https://huggingface.co/docs/hub/security-tokens",
        prefix: "api_org_",
        body: "[A-Za-z0-9]{34}",
        sample: (seed) => fake("api_" + "org_", 34, LETTERS, seed),
        variable: "HF_ORG_TOKEN",
    }),
    prefixedToken({
        id: "groq-api-key",
        description: "Groq API key",
        source: "https://console.groq.com/docs/quickstart",
        prefix: "gsk_",
        body: "[A-Za-z0-9]{52}",
        sample: (seed) => fake("gs" + "k_", 52, BASE62, seed),
        variable: "GROQ_API_KEY",
    }),
    prefixedToken({
        id: "replicate-api-token",
        description: "Replicate API token",
        source: "https://replicate.com/docs/topics/security/api-tokens",
        prefix: "r8_",
        body: "[A-Za-z0-9]{37}",
        sample: (seed) => fake("r" + "8_", 37, BASE62, seed),
        variable: "REPLICATE_API_TOKEN",
    }),
    prefixedToken({
        id: "perplexity-api-key",
        description: "Perplexity API key",
        source: "https://docs.perplexity.ai/guides/getting-started",
        prefix: "pplx-",
        body: "[A-Za-z0-9]{48}",
        sample: (seed) => fake("pp" + "lx-", 48, BASE62, seed),
        variable: "PERPLEXITY_API_KEY",
    }),
    prefixedToken({
        id: "xai-api-key",
        description: "xAI (Grok) API key",
        source: "https://docs.x.ai/docs/overview",
        prefix: "xai-",
        body: "[A-Za-z0-9]{80}",
        sample: (seed) => fake("xa" + "i-", 80, BASE62, seed),
        variable: "XAI_API_KEY",
    }),
    {
        id: "langsmith-api-key",
        description: "LangSmith personal access token or service key",
        source: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
        keywords: ["lsv2_pt_", "lsv2_sk_"],
        pattern: new RegExp(token(String.raw `lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`)),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`LANGSMITH_API_KEY=${fake("lsv2" + "_pt_", 32, HEX, "langsmith-1")}_${fake("", 10, HEX, "langsmith-2")}`],
                falsePositives: [{ text: `LANGSMITH_API_KEY=lsv2_pt_...`, why: "an elided example" }],
            };
        },
    },
    {
        id: "cohere-api-key",
        description: "Cohere API key",
        source: "https://docs.cohere.com/docs/rate-limits",
        keywords: ["cohere"],
        pattern: new RegExp(assigned(`${caseless("cohere")}[\\w.-]{0,20}?${caseless("key")}`, "[A-Za-z0-9]{40}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`COHERE_API_KEY=${fake("", 40, BASE62, "cohere")}`],
                falsePositives: [{ text: `COHERE_API_KEY=your-cohere-api-key`, why: "a placeholder" }],
            };
        },
    },
    {
        id: "wandb-api-key",
        description: "Weights & Biases API key",
        source: "https://docs.wandb.ai/guides/track/environment-variables/",
        keywords: ["wandb"],
        pattern: new RegExp(assigned(`${caseless("wandb")}[\\w.-]{0,20}?${caseless("key")}`, "[a-f0-9]{40}")),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`WANDB_API_KEY=${fake("", 40, HEX, "wandb")}`],
                falsePositives: [{ text: `WANDB_API_KEY=\$WANDB_KEY`, why: "a reference to another variable" }],
            };
        },
    },
];
