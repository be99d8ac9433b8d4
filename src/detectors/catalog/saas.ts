// SaaS APIs a data platform talks to: chat and alerting (Slack, Discord, Telegram, Teams),
// payments (Stripe, Square, Braintree, Shopify), email (SendGrid, Mailgun, Mailchimp, Twilio),
// observability (Datadog, Sentry, New Relic, Grafana, Dynatrace) and work tools.
import type { Detector } from "../types.js";
import { BASE64_EDGE, TOKEN_EDGE, UUID, assigned, bareToken, caseless, decodeBase64, near, token } from "../patterns.js";
import {
  BASE62,
  BASE64,
  BASE64URL,
  DIGITS,
  HEX,
  LOWER_ALNUM,
  UPPER_ALNUM,
  base64,
  base64url,
  fake,
  fakeUuid,
} from "../samples.js";

const SLACK_TOKEN_DOCS = "https://api.slack.com/concepts/token-types";
const STRIPE_KEY_DOCS = "https://docs.stripe.com/keys";
/** The test key Stripe prints throughout its public docs. */
const STRIPE_DOCS_TEST_KEY = "sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc";

const slackDigits = (seed: string) => fake("", 12, DIGITS, seed);
const hexWithKeyword = (seed: string) => fake("", 32, HEX, seed);
const discordId = base64("1" + fake("", 17, DIGITS, "discord-id")).replace(/=+$/, "");
const sentryOrgToken =
  "sntrys_" +
  base64(JSON.stringify({ iat: 1_700_000_000, url: "https://sentry.io", region_url: "https://us.sentry.io", org: "carbon" })) +
  "_" +
  fake("", 43, BASE64, "sentry-org");
const grafanaApiKey = base64(JSON.stringify({ k: fake("", 32, BASE62, "grafana-k"), n: "ci", id: 1 }));
const grafanaCloudToken = "glc_" + base64(JSON.stringify({ o: "123456", n: "ingest", k: fake("", 24, BASE62, "glc-k"), m: { r: "prod-eu-west-0" } }));
const mapboxToken = `sk.${base64url(JSON.stringify({ u: "carbon", a: fake("", 24, LOWER_ALNUM, "mapbox-a") }))}.${fake("", 22, BASE64URL, "mapbox-sig")}`;

export const SAAS_DETECTORS: readonly Detector[] = [
  {
    id: "slack-bot-token",
    description: "Slack bot token",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxb-"],
    pattern: new RegExp(token(String.raw`xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24,34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SLACK_BOT_TOKEN=${"xox" + "b-"}${slackDigits("sb1")}-${slackDigits("sb2")}-${fake("", 24, BASE62, "sb3")}`],
        falsePositives: [{ text: `SLACK_BOT_TOKEN=xoxb-your-bot-token`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "slack-user-token",
    description: "Slack user token",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxp-", "xoxe-"],
    pattern: new RegExp(token(String.raw`xox[pe]-\d{10,13}-\d{10,13}-\d{10,13}-[A-Za-z0-9-]{28,34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`token: ${"xox" + "p-"}${slackDigits("su1")}-${slackDigits("su2")}-${slackDigits("su3")}-${fake("", 32, HEX, "su4")}`],
        falsePositives: [{ text: `token: xoxp-1234-5678`, why: "a truncated example" }],
      };
    },
  },
  {
    id: "slack-app-token",
    description: "Slack app-level token (Socket Mode)",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xapp-"],
    pattern: new RegExp(token(String.raw`xapp-\d-[A-Z0-9]{6,16}-\d{6,20}-[a-z0-9]{32,80}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SLACK_APP_TOKEN=${"xa" + "pp-"}1-${fake("A", 10, UPPER_ALNUM, "sa1")}-${slackDigits("sa2")}-${fake("", 64, HEX, "sa3")}`],
        falsePositives: [{ text: `SLACK_APP_TOKEN=xapp-1-XXXX`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "slack-config-token",
    description: "Slack app configuration access or refresh token",
    source: "https://api.slack.com/authentication/config-tokens",
    keywords: ["xoxe.xox", "xoxe-"],
    pattern: new RegExp(token(String.raw`xoxe\.xox[bp]-\d-[A-Z0-9]{140,180}|xoxe-\d-[A-Z0-9]{140,160}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `SLACK_CONFIG_TOKEN=${"xoxe" + ".xoxp-"}1-${fake("", 164, UPPER_ALNUM, "sc1")}`,
          `refresh: ${"xo" + "xe-"}1-${fake("", 146, UPPER_ALNUM, "sc2")}`,
        ],
        falsePositives: [{ text: `token: xoxe.xoxp-1-${fake("", 20, UPPER_ALNUM, "sc-short")}`, why: "too short for a configuration token" }],
      };
    },
  },
  {
    id: "slack-legacy-token",
    description: "Slack legacy, workspace or refresh token (xoxa, xoxo, xoxr, xoxs)",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
    pattern: new RegExp(token(String.raw`xox[os]-\d{1,20}-\d{1,20}-\d{1,20}-[a-fA-F0-9]{8,64}|xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `token = "${"xo" + "xs-"}${slackDigits("sl1")}-${slackDigits("sl2")}-${slackDigits("sl3")}-${fake("", 64, HEX, "sl4")}"`,
          `SLACK_TOKEN=${"xo" + "xa-"}2-${fake("", 40, BASE62, "sl5")}`,
        ],
        falsePositives: [{ text: `SLACK_TOKEN=xoxa-xxxxxxxxxxxx`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming webhook or workflow trigger URL",
    source: "https://api.slack.com/messaging/webhooks",
    keywords: ["hooks.slack.com"],
    pattern: new RegExp(
      token(
        String.raw`https://hooks\.slack\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/\d{12,20}/[a-f0-9]{32})`,
        String.raw`\w/-`,
      ),
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `SLACK_WEBHOOK_URL=https://${"hooks.slack" + ".com"}/services/${fake("T", 10, UPPER_ALNUM, "sw1")}/${fake("B", 10, UPPER_ALNUM, "sw2")}/${fake("", 24, BASE62, "sw3")}`,
          `url: "https://${"hooks.slack" + ".com"}/triggers/${fake("T", 10, UPPER_ALNUM, "sw4")}/${fake("A", 10, UPPER_ALNUM, "sw5")}/${slackDigits("sw6")}/${fake("", 32, HEX, "sw7")}"`,
        ],
        falsePositives: [
          { text: `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, why: "Slack's documented placeholder" },
          { text: `https://hooks.slack.com/services/…`, why: "an elided URL" },
        ],
      };
    },
  },
  {
    id: "stripe-secret-key",
    description: "Stripe live secret key",
    source: STRIPE_KEY_DOCS,
    keywords: ["sk_live_"],
    pattern: new RegExp(token(String.raw`sk_live_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_SECRET_KEY=${fake("sk_" + "live_", 99, BASE62, "stripe-sk")}`, `stripe.api_key = "${fake("sk_" + "live_", 24, BASE62, "stripe-sk-2")}"`],
        falsePositives: [
          { text: `STRIPE_SECRET_KEY=${"sk_" + "live_" + "X".repeat(24)}`, why: "a placeholder of Xs" },
          { text: `if key.startswith("sk_live_"):`, why: "the prefix alone, in code that checks for it" },
        ],
      };
    },
  },
  {
    id: "stripe-restricted-key",
    description: "Stripe live restricted key",
    source: STRIPE_KEY_DOCS,
    keywords: ["rk_live_"],
    pattern: new RegExp(token(String.raw`rk_live_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_KEY=${fake("rk_" + "live_", 99, BASE62, "stripe-rk")}`],
        falsePositives: [{ text: `STRIPE_KEY=rk_live_<restricted-key>`, why: "a template" }],
      };
    },
  },
  {
    id: "stripe-test-key",
    description: "Stripe test-mode secret or restricted key",
    source: STRIPE_KEY_DOCS,
    keywords: ["sk_test_", "rk_test_"],
    pattern: new RegExp(token(String.raw`[sr]k_test_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "medium",
    severity: "warning",
    examples: [STRIPE_DOCS_TEST_KEY],
    get samples() {
      return {
        truePositives: [`STRIPE_SECRET_KEY=${fake("sk_" + "test_", 99, BASE62, "stripe-test")}`, `stripe.api_key = "${STRIPE_DOCS_TEST_KEY}"`],
        falsePositives: [{ text: `STRIPE_SECRET_KEY=sk_test_...`, why: "an elided example" }],
      };
    },
  },
  {
    id: "stripe-webhook-secret",
    description: "Stripe webhook signing secret",
    source: "https://docs.stripe.com/webhooks#verify-official-libraries",
    keywords: ["whsec_"],
    pattern: new RegExp(token(String.raw`whsec_[A-Za-z0-9+/]{32,88}={0,2}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_WEBHOOK_SECRET=${fake("wh" + "sec_", 32, BASE62, "whsec")}`],
        falsePositives: [{ text: `STRIPE_WEBHOOK_SECRET=whsec_...`, why: "an elided example" }],
      };
    },
  },
  {
    id: "twilio-api-key",
    description: "Twilio API key SID (SK…) near a twilio keyword",
    source: "https://www.twilio.com/docs/iam/api-keys",
    keywords: ["twilio"],
    pattern: new RegExp(near(caseless("twilio"), String.raw`SK[0-9a-fA-F]{32}`, 200)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TWILIO_API_KEY=${fake("SK", 32, HEX, "twilio-sk")}`, `twilio:\n  api_key_sid: ${fake("SK", 32, HEX, "twilio-sk-2")}`],
        falsePositives: [{ text: `sku: ${fake("SK", 32, HEX, "twilio-nokw")}`, why: "an SK-prefixed hex string with no Twilio context" }],
      };
    },
  },
  {
    id: "twilio-auth-token",
    description: "Twilio account auth token",
    source: "https://www.twilio.com/docs/iam/api/authtoken",
    keywords: ["twilio"],
    pattern: new RegExp(assigned(`${caseless("twilio")}[\\w.-]{0,20}?${caseless("token")}`, "[a-f0-9]{32}")),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TWILIO_AUTH_TOKEN=${hexWithKeyword("twilio-auth")}`],
        falsePositives: [{ text: `TWILIO_AUTH_TOKEN=your_auth_token`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "sendgrid-api-key",
    description: "SendGrid API key",
    source: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    keywords: ["sg."],
    pattern: new RegExp(token(String.raw`SG\.[\w-]{22}\.[\w-]{43}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENDGRID_API_KEY=${fake("S" + "G.", 22, BASE64URL, "sg1")}.${fake("", 43, BASE64URL, "sg2")}`],
        falsePositives: [{ text: `SENDGRID_API_KEY=SG.xxxxx.yyyyy`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "mailgun-api-key",
    description: "Mailgun API key near a mailgun keyword",
    source: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
    keywords: ["mailgun"],
    pattern: new RegExp(near(caseless("mailgun"), String.raw`key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `MAILGUN_API_KEY=${fake("key-", 32, HEX, "mailgun-1")}`,
          `mailgun_api_key: "${fake("", 32, HEX, "mailgun-2")}-${fake("", 8, HEX, "mailgun-3")}-${fake("", 8, HEX, "mailgun-4")}"`,
        ],
        falsePositives: [{ text: `cache_key-${fake("", 32, HEX, "mailgun-nokw")}`, why: "a key- hex string with no Mailgun context" }],
      };
    },
  },
  {
    // MessageBird (Bird) access keys have no prefix: 25 alphanumerics, found only under a
    // messagebird key, as gitleaks' messagebird-api-token does. A key has a digit; a 25-letter
    // identifier (MessageBirdSmsTransportImpl) does not.
    id: "messagebird-api-key",
    description: "MessageBird API access key under a messagebird key",
    source: "https://developers.messagebird.com/api/#authentication",
    keywords: ["messagebird", "message-bird", "message_bird"],
    pattern: new RegExp(assigned(`${caseless("message")}[_-]?${caseless("bird")}`, "[A-Za-z0-9]{25}")),
    entropy: 3.5,
    confidence: "medium",
    validate: (secret) => /\d/.test(secret) && /[A-Za-z]/.test(secret),
    get samples() {
      const key = (seed: string) => fake("7", 24, BASE62, seed);
      return {
        truePositives: [
          `MESSAGEBIRD_API_KEY=${key("messagebird-1")}`,
          `messagebird_access_key: "${key("messagebird-2")}"`,
          `{"messageBirdAccessKey": "${key("messagebird-3")}"}`,
          `MESSAGE_BIRD_ACCESS_KEY: '${key("messagebird-4")}'`,
        ],
        falsePositives: [
          { text: `MESSAGEBIRD_API_KEY=\${MESSAGEBIRD_API_KEY}`, why: "a reference" },
          { text: `messagebird_access_key: your-messagebird-access-key`, why: "a placeholder" },
          { text: `messagebird.transport = MessageBirdSmsTransporter`, why: "a 25-letter class name, no digit" },
          { text: `MESSAGEBIRD_ORIGINATOR=CarbonAlerts`, why: "a sender name, too short" },
          { text: `MESSAGEBIRD_API_KEY=${key("messagebird-long")}${key("messagebird-long-2")}`, why: "longer than a key" },
        ],
      };
    },
  },
  {
    id: "mailchimp-api-key",
    description: "Mailchimp Marketing API key",
    source: "https://mailchimp.com/developer/marketing/guides/quick-start/",
    keywords: ["-us"],
    pattern: new RegExp(token(String.raw`[a-f0-9]{32}-us\d{1,2}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`MAILCHIMP_API_KEY=${fake("", 32, HEX, "mailchimp")}-us21`],
        falsePositives: [{ text: `id: ${fake("", 32, HEX, "mailchimp-en")}-en-us`, why: "a hex ID followed by a locale" }],
      };
    },
  },
  {
    id: "datadog-api-key",
    description: "Datadog API key",
    source: "https://docs.datadoghq.com/account_management/api-app-keys/",
    keywords: ["datadog", "dd_", "dd-", "dd."],
    // DD_API_KEY=…, datadog_api_key: …, and Helm's `datadog:\n  apiKey: …`.
    pattern: new RegExp(
      assigned(`(?:${caseless("datadog")}|${caseless("dd")}[_.-])[\\w.:\\s"'{-]{0,40}?${caseless("api")}[_.-]?${caseless("key")}`, "[a-f0-9]{32}"),
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DD_API_KEY=${hexWithKeyword("dd-api-1")}`, `datadog:\n  apiKey: ${hexWithKeyword("dd-api-2")}`, `ENV DD_API_KEY ${hexWithKeyword("dd-api-3")}`],
        falsePositives: [
          { text: `DD_API_KEY=<DATADOG_API_KEY>`, why: "a template" },
          { text: `add_api_key=${hexWithKeyword("dd-api-add")}`, why: "dd inside another word (add_api_key)" },
        ],
      };
    },
  },
  {
    id: "datadog-app-key",
    description: "Datadog application key",
    source: "https://docs.datadoghq.com/account_management/api-app-keys/",
    keywords: ["datadog", "dd_", "dd-", "dd."],
    pattern: new RegExp(
      assigned(
        `(?:${caseless("datadog")}|${caseless("dd")}[_.-])[\\w.:\\s"'{-]{0,40}?${caseless("app")}(?:${caseless("lication")})?[_.-]?${caseless("key")}`,
        "[a-f0-9]{40}",
      ),
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DD_APP_KEY=${fake("", 40, HEX, "dd-app-1")}`, `datadog_application_key: "${fake("", 40, HEX, "dd-app-2")}"`],
        falsePositives: [{ text: `DD_APP_KEY=${fake("", 32, HEX, "dd-app-short")}`, why: "32 hex characters: an API key length, not an application key" }],
      };
    },
  },
  {
    id: "sentry-org-auth-token",
    description: "Sentry organization auth token",
    source: "https://docs.sentry.io/account/auth-tokens/#organization-auth-tokens",
    keywords: ["sntrys_"],
    pattern: new RegExp(token(String.raw`sntrys_eyJ[A-Za-z0-9+/]{30,1024}={0,2}_[A-Za-z0-9+/]{43}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_AUTH_TOKEN=${sentryOrgToken}`],
        falsePositives: [{ text: `SENTRY_AUTH_TOKEN=sntrys_<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "sentry-user-auth-token",
    description: "Sentry user auth token",
    source: "https://docs.sentry.io/account/auth-tokens/#user-auth-tokens",
    keywords: ["sntryu_"],
    pattern: new RegExp(token(String.raw`sntryu_[a-f0-9]{64}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_AUTH_TOKEN=${fake("sntry" + "u_", 64, HEX, "sentry-user")}`],
        falsePositives: [{ text: `SENTRY_AUTH_TOKEN=sntryu_${"0".repeat(64)}`, why: "a placeholder of zeros" }],
      };
    },
  },
  {
    id: "sentry-dsn-secret",
    description: "Sentry DSN carrying a secret key (legacy public:secret@ form)",
    source: "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
    keywords: ["sentry"],
    pattern: new RegExp(String.raw`(?<![\w.-])https?://[a-f0-9]{32}:(?<secret>[a-f0-9]{32})@[\w.-]{0,120}sentry[\w.-]{0,120}(?::\d{1,5})?/\d{1,20}(?!\d)`),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_DSN=https://${hexWithKeyword("dsn-public")}:${hexWithKeyword("dsn-secret")}@o123456.ingest.sentry.io/4504`],
        falsePositives: [{ text: `SENTRY_DSN=https://${hexWithKeyword("dsn-public-only")}@o123456.ingest.sentry.io/4504`, why: "a modern DSN holds only the public key" }],
      };
    },
  },
  {
    id: "new-relic-user-api-key",
    description: "New Relic user API key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    keywords: ["nrak-"],
    pattern: new RegExp(token(String.raw`NRAK-[A-Z0-9]{27}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NEW_RELIC_API_KEY=${fake("NR" + "AK-", 27, UPPER_ALNUM, "nrak")}`],
        falsePositives: [{ text: `NEW_RELIC_API_KEY=${"NR" + "AK-" + "X".repeat(27)}`, why: "a placeholder of Xs" }],
      };
    },
  },
  {
    id: "new-relic-insert-key",
    description: "New Relic insights insert key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    keywords: ["nrii-"],
    pattern: new RegExp(token(String.raw`NRII-[\w-]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`insert_key: ${fake("NR" + "II-", 32, BASE64URL, "nrii")}`],
        falsePositives: [{ text: `insert_key: NRII-<key>`, why: "a template" }],
      };
    },
  },
  {
    id: "new-relic-license-key",
    description: "New Relic ingest license key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
    keywords: ["nral"],
    pattern: new RegExp(token(String.raw`[a-f0-9]{36}NRAL`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NEW_RELIC_LICENSE_KEY=${fake("", 36, HEX, "nral")}NRAL`],
        falsePositives: [{ text: `NEW_RELIC_LICENSE_KEY=${"0".repeat(36)}NRAL`, why: "a placeholder of zeros" }],
      };
    },
  },
  {
    id: "grafana-api-key",
    description: "Grafana API key (legacy, base64 JSON)",
    source: "https://grafana.com/docs/grafana/latest/administration/service-accounts/#migrate-api-keys-to-grafana-service-accounts",
    keywords: ["eyjrijoi"],
    // base64 of {"k":"…","n":"…","id":…}.
    pattern: new RegExp(bareToken(String.raw`eyJrIjoi[A-Za-z0-9+/]{50,512}={0,2}`)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_API_KEY=${grafanaApiKey}`],
        falsePositives: [{ text: `key: ${base64(JSON.stringify({ k: "v" }))}`, why: "a short base64 JSON object" }],
      };
    },
  },
  {
    id: "grafana-service-account-token",
    description: "Grafana service account token",
    source: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    keywords: ["glsa_"],
    pattern: new RegExp(token(String.raw`glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_TOKEN=${fake("gl" + "sa_", 32, BASE62, "glsa")}_${fake("", 8, HEX, "glsa-crc")}`],
        falsePositives: [{ text: `GRAFANA_TOKEN=glsa_<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "grafana-cloud-token",
    description: "Grafana Cloud access policy token",
    source: "https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/",
    keywords: ["glc_"],
    pattern: new RegExp(token(String.raw`glc_[A-Za-z0-9+/]{32,1024}={0,2}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_CLOUD_TOKEN=${grafanaCloudToken}`],
        falsePositives: [{ text: `GRAFANA_CLOUD_TOKEN=glc_xxxxxxxx`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "dynatrace-api-token",
    description: "Dynatrace API token",
    source: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    keywords: ["dt0c01."],
    pattern: new RegExp(token(String.raw`dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DT_API_TOKEN=${fake("dt0c" + "01.", 24, UPPER_ALNUM, "dt1")}.${fake("", 64, UPPER_ALNUM, "dt2")}`],
        falsePositives: [{ text: `DT_API_TOKEN=dt0c01.ABC.DEF`, why: "a truncated example" }],
      };
    },
  },
  {
    id: "telegram-bot-token",
    description: "Telegram bot token",
    source: "https://core.telegram.org/bots/api#authorizing-your-bot",
    keywords: [":aa"],
    pattern: new RegExp(token(String.raw`\d{8,10}:AA[\w-]{33}`, String.raw`\w:-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TELEGRAM_BOT_TOKEN=${fake("6", 9, DIGITS, "tg1")}:${fake("A" + "A", 33, BASE64URL, "tg2")}`],
        falsePositives: [{ text: `time: 12:AA`, why: "a short digits:AA string" }],
      };
    },
  },
  {
    id: "discord-bot-token",
    description: "Discord bot token near a discord keyword",
    source: "https://discord.com/developers/docs/reference#authentication",
    keywords: ["discord"],
    pattern: new RegExp(near(caseless("discord"), String.raw`[MNO][\w-]{22,25}\.[\w-]{6}\.[\w-]{27,38}`, 100, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    // The first segment is the bot's numeric user ID in base64.
    validate: (secret) => /^\d{17,20}$/.test(decodeBase64(secret.split(".")[0] ?? "") ?? ""),
    get samples() {
      return {
        truePositives: [`DISCORD_BOT_TOKEN=${discordId}.${fake("", 6, BASE64URL, "dc1")}.${fake("", 38, BASE64URL, "dc2")}`],
        falsePositives: [
          {
            text: `DISCORD_BOT_TOKEN=${fake("M", 23, BASE62, "dc-not-id")}.${fake("", 6, BASE64URL, "dc3")}.${fake("", 38, BASE64URL, "dc4")}`,
            why: "its first segment does not decode to a numeric user ID",
          },
        ],
      };
    },
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL",
    source: "https://discord.com/developers/docs/resources/webhook",
    keywords: ["discord"],
    pattern: new RegExp(token(String.raw`https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,68}`, String.raw`\w/-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DISCORD_WEBHOOK=https://${"discord" + ".com"}/api/webhooks/1${fake("", 18, DIGITS, "dw1")}/${fake("", 68, BASE64URL, "dw2")}`],
        falsePositives: [{ text: `https://discord.com/api/webhooks/{id}/{token}`, why: "a template" }],
      };
    },
  },
  {
    id: "microsoft-teams-webhook-url",
    description: "Microsoft Teams incoming webhook URL",
    source: "https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    keywords: ["webhook.office.com"],
    pattern: new RegExp(
      token(
        String.raw`https://[\w-]{1,63}\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[\w-]{10,80})?`,
        String.raw`\w/-`,
      ),
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `TEAMS_WEBHOOK=https://carbon.${"webhook.office" + ".com"}/webhookb2/${fakeUuid("t1")}@${fakeUuid("t2")}/IncomingWebhook/${fake("", 32, HEX, "t3")}/${fakeUuid("t4")}`,
        ],
        falsePositives: [{ text: `https://carbon.webhook.office.com/webhookb2/<id>`, why: "a template" }],
      };
    },
  },
  {
    id: "shopify-access-token",
    description: "Shopify Admin API access token (shpat_, shpca_, shppa_)",
    source: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin",
    keywords: ["shpat_", "shpca_", "shppa_"],
    pattern: new RegExp(token(String.raw`shp(?:at|ca|pa)_[a-fA-F0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SHOPIFY_ACCESS_TOKEN=${fake("shp" + "at_", 32, HEX, "shopify")}`],
        falsePositives: [{ text: `SHOPIFY_ACCESS_TOKEN=shpat_${"x".repeat(32)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "shopify-shared-secret",
    description: "Shopify app shared secret",
    source: "https://shopify.dev/docs/apps/build/authentication-authorization",
    keywords: ["shpss_"],
    pattern: new RegExp(token(String.raw`shpss_[a-fA-F0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SHOPIFY_API_SECRET=${fake("shp" + "ss_", 32, HEX, "shpss")}`],
        falsePositives: [{ text: `SHOPIFY_API_SECRET=shpss_...`, why: "an elided example" }],
      };
    },
  },
  {
    id: "square-access-token",
    description: "Square production access token",
    source: "https://developer.squareup.com/docs/build-basics/access-tokens",
    keywords: ["eaaa", "sq0atp-"],
    pattern: new RegExp(bareToken(String.raw`EAAA[\w-]{60}|sq0atp-[\w-]{22}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SQUARE_ACCESS_TOKEN=${fake("EA" + "AA", 60, BASE64URL, "square")}`, `token: ${fake("sq0" + "atp-", 22, BASE64URL, "square-old")}`],
        falsePositives: [{ text: `SQUARE_ACCESS_TOKEN=EAAA${"x".repeat(60)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "square-oauth-secret",
    description: "Square OAuth application secret",
    source: "https://developer.squareup.com/docs/oauth-api/overview",
    keywords: ["sq0csp-"],
    pattern: new RegExp(token(String.raw`sq0csp-[\w-]{43}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SQUARE_APP_SECRET=${fake("sq0" + "csp-", 43, BASE64URL, "square-secret")}`],
        falsePositives: [{ text: `SQUARE_APP_SECRET=sq0csp-<secret>`, why: "a template" }],
      };
    },
  },
  {
    id: "braintree-access-token",
    description: "PayPal Braintree access token",
    source: "https://developer.paypal.com/braintree/docs/guides/authorization/access-token",
    keywords: ["access_token$"],
    pattern: new RegExp(token(String.raw`access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BRAINTREE_ACCESS_TOKEN=access_token$production$${fake("", 16, LOWER_ALNUM, "bt1")}$${fake("", 32, HEX, "bt2")}`],
        falsePositives: [{ text: `BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "linear-api-key",
    description: "Linear personal API key",
    source: "https://linear.app/developers/graphql#personal-api-keys",
    keywords: ["lin_api_"],
    pattern: new RegExp(token(String.raw`lin_api_[A-Za-z0-9]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`LINEAR_API_KEY=${fake("lin" + "_api_", 40, BASE62, "linear")}`],
        falsePositives: [{ text: `LINEAR_API_KEY=lin_api_${"x".repeat(40)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "notion-integration-token",
    description: "Notion integration token (ntn_)",
    source: "https://developers.notion.com/docs/authorization",
    keywords: ["ntn_"],
    pattern: new RegExp(token(String.raw`ntn_\d{11}[A-Za-z0-9]{35}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NOTION_TOKEN=${fake("ntn" + "_", 11, DIGITS, "ntn1")}${fake("", 35, BASE62, "ntn2")}`],
        falsePositives: [{ text: `NOTION_TOKEN=ntn_<token>`, why: "a template" }],
      };
    },
  },
  {
    id: "notion-integration-token-legacy",
    description: "Notion internal integration secret (legacy secret_ format)",
    source: "https://developers.notion.com/docs/authorization",
    keywords: ["secret_"],
    pattern: new RegExp(token(String.raw`secret_[A-Za-z0-9]{43}`)),
    entropy: 4,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [`NOTION_TOKEN=${fake("sec" + "ret_", 43, BASE62, "notion-legacy")}`],
        falsePositives: [{ text: `const secret_${"key".repeat(14)}x = 1`, why: "an identifier with low entropy" }],
      };
    },
  },
  {
    id: "postman-api-key",
    description: "Postman API key",
    source: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    keywords: ["pmak-"],
    pattern: new RegExp(token(String.raw`PMAK-[a-f0-9]{24}-[a-f0-9]{34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`POSTMAN_API_KEY=${fake("PM" + "AK-", 24, HEX, "pmak1")}-${fake("", 34, HEX, "pmak2")}`],
        falsePositives: [{ text: `POSTMAN_API_KEY=PMAK-<key>`, why: "a template" }],
      };
    },
  },
  {
    id: "hubspot-private-app-token",
    description: "HubSpot private app access token",
    source: "https://developers.hubspot.com/docs/api/private-apps",
    keywords: ["pat-na", "pat-eu"],
    pattern: new RegExp(token(String.raw`pat-(?:na|eu)\d-${UUID}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`HUBSPOT_TOKEN=${"pat" + "-na1-"}${fakeUuid("hubspot")}`],
        falsePositives: [{ text: `HUBSPOT_TOKEN=pat-na1-xxxxxxxx`, why: "a placeholder" }],
      };
    },
  },
  {
    id: "airtable-pat",
    description: "Airtable personal access token",
    source: "https://airtable.com/developers/web/guides/personal-access-tokens",
    keywords: ["pat"],
    pattern: new RegExp(bareToken(String.raw`pat[A-Za-z0-9]{14}\.[a-f0-9]{64}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AIRTABLE_TOKEN=${fake("pat", 14, BASE62, "airtable1")}.${fake("", 64, HEX, "airtable2")}`],
        falsePositives: [{ text: `path: patterns.${fake("", 40, HEX, "airtable-sha")}`, why: "a path and a SHA, not a token" }],
      };
    },
  },
  {
    id: "okta-api-token",
    description: "Okta API token",
    source: "https://developer.okta.com/docs/guides/create-an-api-token/main/",
    keywords: ["okta"],
    pattern: new RegExp(assigned(`${caseless("okta")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, String.raw`00[\w-]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`OKTA_API_TOKEN=${fake("00", 40, BASE64URL, "okta")}`],
        falsePositives: [{ text: `OKTA_API_TOKEN=00${"x".repeat(40)}`, why: "a placeholder of xs" }],
      };
    },
  },
  {
    id: "algolia-admin-api-key",
    description: "Algolia admin or write API key",
    source: "https://www.algolia.com/doc/guides/security/api-keys/",
    keywords: ["algolia"],
    pattern: new RegExp(assigned(`${caseless("algolia")}[\\w.-]{0,20}?${caseless("key")}`, "[a-f0-9]{32}")),
    entropy: 3,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [`ALGOLIA_ADMIN_API_KEY=${hexWithKeyword("algolia")}`],
        falsePositives: [{ text: `ALGOLIA_APP_ID=ABCDEF1234`, why: "the application ID is public" }],
      };
    },
  },
  {
    id: "mapbox-secret-token",
    description: "Mapbox secret access token (sk.)",
    source: "https://docs.mapbox.com/help/dive-deeper/access-tokens/",
    keywords: ["sk.eyj1ijoi"],
    pattern: new RegExp(token(String.raw`sk\.eyJ1Ijoi[\w-]{10,512}\.[\w-]{20,30}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`MAPBOX_DOWNLOADS_TOKEN=${mapboxToken}`],
        falsePositives: [{ text: `MAPBOX_TOKEN=${mapboxToken.replace(/^sk\./, "pk.")}`, why: "a public (pk.) token" }],
      };
    },
  },
  {
    id: "firebase-cloud-messaging-server-key",
    description: "Firebase Cloud Messaging legacy server key",
    source: "https://firebase.google.com/docs/cloud-messaging/auth-server#authorize-http-requests",
    keywords: [":apa91b"],
    pattern: new RegExp(token(String.raw`AAAA[\w-]{7}:APA91b[\w-]{120,200}`, String.raw`\w:-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`FCM_SERVER_KEY=${fake("AA" + "AA", 7, BASE64URL, "fcm1")}:${fake("APA9" + "1b", 134, BASE64URL, "fcm2")}`],
        falsePositives: [{ text: `FCM_SERVER_KEY=AAAA:APA91b...`, why: "an elided example" }],
      };
    },
  },
  {
    id: "fastly-api-token",
    description: "Fastly API token",
    source: "https://docs.fastly.com/en/guides/using-api-tokens",
    keywords: ["fastly"],
    pattern: new RegExp(assigned(`${caseless("fastly")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, String.raw`[\w-]{32}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`FASTLY_API_TOKEN=${fake("", 32, BASE64URL, "fastly")}`],
        falsePositives: [{ text: `FASTLY_API_TOKEN=\${FASTLY_API_TOKEN}`, why: "a reference to the environment" }],
      };
    },
  },
];
