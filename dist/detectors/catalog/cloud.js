import { BASE64_EDGE, UUID, assigned, bareToken, caseless, token } from "../patterns.js";
import { BASE32, BASE32_LOWER, BASE62, BASE64, BASE64URL, HEX, base64, fake, fakePem, fakeUuid, } from "../samples.js";
/** AWS publishes these in its documentation; they are reported as examples, never as leaks. */
const AWS_EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/** Azurite, the storage emulator, documents this account key for everyone's local use. */
const AZURITE_ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw==";
const awsSecret = fake("", 40, BASE64, "aws-secret-access-key");
const azureAccountKey = fake("", 86, BASE64, "azure-account-key") + "==";
const cloudflareTunnel = base64(JSON.stringify({ a: fake("", 32, HEX, "cf-a"), t: fakeUuid("cf-t"), s: base64(fake("", 32, BASE62, "cf-s")) }));
export const CLOUD_DETECTORS = [
    {
        id: "aws-access-key-id",
        description: "AWS access key ID",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
        keywords: ["akia", "asia", "abia", "acca", "a3t"],
        // AKIA long-term, ASIA temporary (STS), ABIA STS service bearer, ACCA context-specific.
        // Real IDs are base32 ([A-Z2-7]); 0, 1, 8 and 9 are accepted because hand-made fakes use them.
        pattern: new RegExp(bareToken(String.raw `(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}`)),
        entropy: 3,
        confidence: "high",
        examples: [AWS_EXAMPLE_KEY_ID],
        get samples() {
            return {
                truePositives: [
                    `AWS_ACCESS_KEY_ID=${fake("AKIA", 16, BASE32, "aws-akid-1")}`,
                    `aws_access_key_id = ${fake("ASIA", 16, BASE32, "aws-akid-2")}`,
                    `{"AccessKeyId": "${fake("AKIA", 16, BASE32, "aws-akid-3")}"}`,
                    `aws_access_key_id = ${AWS_EXAMPLE_KEY_ID}`,
                ],
                falsePositives: [
                    { text: `region = ASIA_PACIFIC_SOUTHEAST`, why: "an identifier that starts with a key prefix" },
                    { text: `id: ${fake("AKIA", 12, BASE32, "aws-short")}`, why: "too short: an access key ID has 16 characters after the prefix" },
                    { text: `AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX`, why: "a placeholder of Xs" },
                    { text: `role: ${fake("AROA", 16, BASE32, "aws-role")}`, why: "AROA is a role's unique ID, not a credential" },
                    { text: `MYAKIA${fake("", 16, BASE32, "aws-inword")}`, why: "the prefix inside a longer word" },
                ],
            };
        },
    },
    {
        id: "aws-secret-access-key",
        description: "AWS secret access key",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        keywords: ["secret"],
        // A 40-character base64 string is everywhere (hashes, blobs); only its key name makes it an AWS secret.
        pattern: new RegExp(assigned(`${caseless("aws")}[\\w.-]{0,20}?${caseless("secret")}|${caseless("secret")}[_.-]?${caseless("access")}[_.-]?${caseless("key")}`, "[A-Za-z0-9/+]{40}", BASE64_EDGE)),
        entropy: 3.5,
        confidence: "high",
        examples: [AWS_EXAMPLE_SECRET],
        get samples() {
            return {
                truePositives: [
                    `AWS_SECRET_ACCESS_KEY=${awsSecret}`,
                    `aws_secret_access_key = ${fake("", 40, BASE64, "aws-sk-2")}`,
                    `{"AccessKeyId": "x", "SecretAccessKey": "${fake("", 40, BASE64, "aws-sk-3")}"}`,
                    `export AWS_SECRET_ACCESS_KEY="${fake("", 40, BASE64, "aws-sk-4")}"`,
                    `os.environ["AWS_SECRET_ACCESS_KEY"] = "${fake("", 40, BASE64, "aws-sk-5")}"`,
                    `aws_secret_access_key = ${AWS_EXAMPLE_SECRET}`,
                ],
                falsePositives: [
                    { text: `checksum = ${fake("", 40, BASE64, "aws-sk-alone")}`, why: "a 40-character base64 string with no AWS or secret key name" },
                    { text: `AWS_SECRET_ACCESS_KEY=${"x".repeat(40)}`, why: "a placeholder of xs" },
                    { text: `AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY}`, why: "a reference to the environment" },
                    { text: `aws_secret_access_key = ${fake("", 41, BASE64, "aws-sk-long")}`, why: "41 characters: not the 40 an AWS secret has" },
                ],
            };
        },
    },
    {
        id: "aws-session-token",
        description: "AWS temporary session token",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html",
        keywords: ["session"],
        pattern: new RegExp(assigned(`${caseless("aws")}[\\w.-]{0,20}?${caseless("session")}[_.-]?${caseless("token")}|${caseless("sessiontoken")}`, "[A-Za-z0-9/+]{100,4096}={0,2}", BASE64_EDGE)),
        entropy: 4,
        confidence: "high",
        severity: "warning",
        get samples() {
            return {
                truePositives: [
                    `AWS_SESSION_TOKEN=${fake("IQoJb3JpZ2lu", 300, BASE64, "aws-st-1")}`,
                    `"SessionToken": "${fake("FwoGZXIvYXdz", 280, BASE64, "aws-st-2")}"`,
                ],
                falsePositives: [
                    { text: `AWS_SESSION_TOKEN=${fake("", 60, BASE64, "aws-st-short")}`, why: "too short for a session token" },
                    { text: `web_session_token = ${fake("", 200, BASE64, "aws-st-web")}`, why: "a web session token, not an AWS one" },
                ],
            };
        },
    },
    {
        id: "gcp-service-account-key",
        description: "Google Cloud service account key file",
        source: "https://cloud.google.com/iam/docs/keys-create-delete#creating",
        keywords: ["service_account"],
        // The private key of a JSON key file whose "type" is "service_account", before or after it
        // (json.dump(sort_keys=True) puts "type" last). The context is checked only once a key matched.
        pattern: new RegExp(String.raw `"private_key"\s{0,3}:\s{0,3}"(?<secret>-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,8192}-----END PRIVATE KEY-----(?:\\n)?)"` +
            String.raw `(?:(?<="type"\s{0,3}:\s{0,3}"service_account"[\s\S]{0,12288})|(?=[\s\S]{0,2048}?"type"\s{0,3}:\s{0,3}"service_account"))`),
        confidence: "high",
        get samples() {
            return {
                truePositives: [
                    JSON.stringify({
                        type: "service_account",
                        project_id: "carbon-ingest",
                        private_key_id: fake("", 40, HEX, "gcp-sa-kid"),
                        private_key: fakePem("PRIVATE KEY", "gcp-sa-1") + "\n",
                        client_email: "ingest@carbon-ingest.iam.gserviceaccount.com",
                    }, null, 2),
                    // json.dump(sort_keys=True) puts "private_key" before "type".
                    JSON.stringify({ client_email: "x@y.iam.gserviceaccount.com", private_key: fakePem("PRIVATE KEY", "gcp-sa-2"), type: "service_account" }),
                ],
                falsePositives: [
                    {
                        text: JSON.stringify({ type: "authorized_user", private_key: fakePem("PRIVATE KEY", "gcp-sa-user") }),
                        why: "not a service account file",
                    },
                    {
                        text: JSON.stringify({ type: "service_account", private_key_id: "abc", private_key: "<paste key here>" }),
                        why: "a template without a key",
                    },
                ],
            };
        },
    },
    {
        id: "gcp-api-key",
        description: "Google Cloud API key",
        source: "https://cloud.google.com/docs/authentication/api-keys",
        keywords: ["aiza"],
        pattern: new RegExp(bareToken(String.raw `AIza[\w-]{35}`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`GOOGLE_API_KEY=${fake("AI" + "za", 35, BASE64URL, "gcp-key-1")}`, `const maps = "${fake("AI" + "za", 35, BASE64URL, "gcp-key-2")}";`],
                falsePositives: [
                    { text: `key: ${"AI" + "za"}${"x".repeat(35)}`, why: "a placeholder of xs" },
                    { text: `key: ${fake("AI" + "za", 20, BASE64URL, "gcp-short")}`, why: "too short: a key has 35 characters after AIza" },
                ],
            };
        },
    },
    {
        id: "gcp-oauth-client-secret",
        description: "Google OAuth client secret",
        source: "https://developers.google.com/identity/protocols/oauth2",
        keywords: ["gocspx-"],
        pattern: new RegExp(token(String.raw `GOCSPX-[\w-]{28}`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`"client_secret": "${fake("GOCSPX-", 28, BASE64URL, "gcp-oauth-1")}"`],
                falsePositives: [{ text: `client_secret: GOCSPX-<your-secret>`, why: "a template" }],
            };
        },
    },
    {
        id: "google-oauth-access-token",
        description: "Google OAuth access token (short-lived)",
        source: "https://developers.google.com/identity/protocols/oauth2",
        keywords: ["ya29."],
        pattern: new RegExp(token(String.raw `ya29\.[\w-]{30,2048}`, String.raw `\w.-`)),
        entropy: 3.5,
        confidence: "medium",
        severity: "warning",
        get samples() {
            return {
                truePositives: [`Authorization: Bearer ${fake("ya" + "29.", 160, BASE64URL, "ya29-1")}`],
                falsePositives: [{ text: `token = "ya29.${"x".repeat(40)}"`, why: "a placeholder of xs" }],
            };
        },
    },
    {
        id: "azure-storage-connection-string",
        description: "Azure Storage or Cosmos DB account key in a connection string",
        source: "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string",
        keywords: ["accountkey="],
        // 64-byte keys: 86 base64 characters and "==".
        pattern: new RegExp(String.raw `(?<![A-Za-z0-9])AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`),
        entropy: 4,
        confidence: "high",
        examples: [AZURITE_ACCOUNT_KEY],
        get samples() {
            return {
                truePositives: [
                    `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=carbondata;AccountKey=${azureAccountKey};EndpointSuffix=core.windows.net"`,
                    `UseDevelopmentStorage=false;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY}`,
                ],
                falsePositives: [
                    { text: `DefaultEndpointsProtocol=https;AccountName=carbondata;AccountKey=<account-key>`, why: "a template" },
                    { text: `AccountKey=${fake("", 40, BASE64, "azure-short")}==`, why: "too short for a storage account key" },
                ],
            };
        },
    },
    {
        id: "azure-storage-account-key",
        description: "Azure Storage account key assigned to a storage key name",
        source: "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
        keywords: ["azure", "storage"],
        pattern: new RegExp(assigned(`(?:${caseless("azure")}[\\w.-]{0,20}?)?${caseless("storage")}[\\w.-]{0,20}?${caseless("key")}`, "[A-Za-z0-9+/]{86}==", BASE64_EDGE)),
        entropy: 4,
        confidence: "high",
        examples: [AZURITE_ACCOUNT_KEY],
        get samples() {
            return {
                truePositives: [`AZURE_STORAGE_KEY=${azureAccountKey}`, `storage_account_key: "${fake("", 86, BASE64, "azure-sak-2")}=="`],
                falsePositives: [{ text: `AZURE_STORAGE_KEY=${fake("", 44, BASE64, "azure-sak-short")}`, why: "too short for an account key" }],
            };
        },
    },
    {
        id: "azure-shared-access-key",
        description: "Azure Service Bus, Event Hubs, IoT Hub or SignalR shared access key",
        source: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
        keywords: ["sharedaccesskey="],
        // 32-byte keys: 43 base64 characters and "=".
        pattern: new RegExp(String.raw `(?<![A-Za-z0-9])SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`),
        entropy: 4,
        confidence: "high",
        get samples() {
            return {
                truePositives: [
                    `Endpoint=sb://carbon.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake("", 43, BASE64, "azure-sas-key")}=`,
                ],
                falsePositives: [{ text: `Endpoint=sb://carbon.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>`, why: "a template" }],
            };
        },
    },
    {
        id: "azure-sas-token",
        description: "Azure shared access signature (sig=) in a SAS URL or token",
        source: "https://learn.microsoft.com/rest/api/storageservices/create-service-sas",
        keywords: ["sig="],
        // The signature counts only inside a SAS query: one with a service version (sv=) or an expiry (se=).
        pattern: new RegExp(String.raw `[?&]sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){40,128}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])` +
            String.raw `(?:(?<=[?&;\s](?:sv=\d{4}-|se=\d)[^\s"'<>]{0,1024})|(?=[^\s"'<>]{0,1024}?[?&](?:sv=\d{4}-|se=\d)))`),
        entropy: 4,
        confidence: "high",
        get samples() {
            return {
                truePositives: [
                    `https://carbon.blob.core.windows.net/raw?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${fake("", 40, BASE62, "azure-sig-1")}%2B${fake("", 2, BASE62, "azure-sig-1b")}%3D`,
                    `SharedAccessSignature sr=carbon.servicebus.windows.net&sig=${fake("", 43, BASE62, "azure-sig-2")}%3D&se=1893456000&skn=send`,
                ],
                falsePositives: [
                    { text: `https://example.com/download?file=a.zip&sig=${fake("", 43, BASE62, "azure-sig-other")}`, why: "a signed URL that is not an Azure SAS (no sv= or se=)" },
                    { text: `?sv=2022-11-02&sig=<signature>`, why: "a template" },
                ],
            };
        },
    },
    {
        id: "azure-ad-client-secret",
        description: "Microsoft Entra ID (Azure AD) application client secret",
        source: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
        keywords: ["q~"],
        pattern: new RegExp(token(String.raw `[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`, String.raw `\w~.-`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`AZURE_CLIENT_SECRET=${fake("", 3, BASE62, "aad-1")}8Q~${fake("", 34, BASE62 + "_~.-", "aad-2")}`],
                falsePositives: [{ text: `path = "~/Q~notes"`, why: "a path, not a client secret" }],
            };
        },
    },
    {
        id: "azure-devops-pat",
        description: "Azure DevOps personal access token (52 characters, legacy format)",
        source: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
        keywords: ["devops", "ado", "vsts"],
        pattern: new RegExp(assigned(`(?:${caseless("azure")}[_.-]?${caseless("devops")}|${caseless("ado")}|${caseless("vsts")})[\\w.-]{0,20}?(?:${caseless("pat")}|${caseless("token")})`, "[a-z2-7]{52}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`AZURE_DEVOPS_PAT=${fake("", 52, BASE32_LOWER, "ado-1")}`, `ado_token: ${fake("", 52, BASE32_LOWER, "ado-2")}`],
                falsePositives: [{ text: `ado_token: ${fake("", 40, HEX, "ado-sha")}`, why: "a hex digest, not a base32 PAT" }],
            };
        },
    },
    {
        id: "alibaba-access-key-id",
        description: "Alibaba Cloud AccessKey ID",
        source: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
        keywords: ["ltai"],
        pattern: new RegExp(bareToken(String.raw `LTAI[A-Za-z0-9]{12,20}`)),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_ID=${fake("LTAI", 20, BASE62, "ali-id")}`],
                falsePositives: [{ text: `name: LTAIL_LOG_SHIPPER`, why: "an identifier that starts with the prefix" }],
            };
        },
    },
    {
        id: "alibaba-access-key-secret",
        description: "Alibaba Cloud AccessKey secret",
        source: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
        keywords: ["secret"],
        pattern: new RegExp(assigned(`(?:${caseless("alibaba")}|${caseless("aliyun")}|${caseless("alicloud")})[\\w.-]{0,20}?${caseless("secret")}|${caseless("access")}[_.-]?${caseless("key")}[_.-]?${caseless("secret")}`, "[A-Za-z0-9]{30}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake("", 30, BASE62, "ali-secret")}`, `access_key_secret: ${fake("", 30, BASE62, "ali-secret-2")}`],
                falsePositives: [{ text: `access_key_secret: \${ALIYUN_SECRET}`, why: "a reference to the environment" }],
            };
        },
    },
    {
        id: "tencent-secret-id",
        description: "Tencent Cloud SecretId",
        source: "https://www.tencentcloud.com/document/product/598/34228",
        keywords: ["akid"],
        pattern: new RegExp(bareToken(String.raw `AKID[A-Za-z0-9]{32}`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`TENCENTCLOUD_SECRET_ID=${fake("AKID", 32, BASE62, "tencent-id")}`],
                falsePositives: [{ text: `id = AKID${"x".repeat(32)}`, why: "a placeholder of xs" }],
            };
        },
    },
    {
        id: "tencent-secret-key",
        description: "Tencent Cloud SecretKey",
        source: "https://www.tencentcloud.com/document/product/598/34228",
        keywords: ["tencent", "qcloud"],
        pattern: new RegExp(assigned(`(?:${caseless("tencent")}|${caseless("qcloud")})[\\w.-]{0,20}?${caseless("secret")}[_.-]?${caseless("key")}`, "[A-Za-z0-9]{32}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`TENCENTCLOUD_SECRET_KEY=${fake("", 32, BASE62, "tencent-key")}`],
                falsePositives: [{ text: `TENCENTCLOUD_SECRET_KEY=your_secret_key_here`, why: "a placeholder" }],
            };
        },
    },
    {
        id: "ibm-cloud-api-key",
        description: "IBM Cloud API key",
        source: "https://cloud.ibm.com/docs/account?topic=account-userapikey",
        keywords: ["ibm"],
        pattern: new RegExp(assigned(`${caseless("ibm")}[\\w.-]{0,20}?(?:${caseless("api")}[_.-]?)?${caseless("key")}`, "[A-Za-z0-9_-]{44}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`IBMCLOUD_API_KEY=${fake("", 44, BASE64URL, "ibm-1")}`, `ibm_api_key: "${fake("", 44, BASE64URL, "ibm-2")}"`],
                falsePositives: [{ text: `IBMCLOUD_API_KEY=${fake("", 30, BASE64URL, "ibm-short")}`, why: "too short for an IBM Cloud API key" }],
            };
        },
    },
    {
        id: "digitalocean-pat",
        description: "DigitalOcean personal access token",
        source: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
        keywords: ["dop_v1_"],
        pattern: new RegExp(token(String.raw `dop_v1_[a-f0-9]{64}`)),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`DIGITALOCEAN_TOKEN=${fake("dop" + "_v1_", 64, HEX, "do-pat")}`],
                falsePositives: [{ text: `token: dop_v1_${"0".repeat(64)}`, why: "a placeholder of zeros" }],
            };
        },
    },
    {
        id: "digitalocean-oauth-token",
        description: "DigitalOcean OAuth access or refresh token",
        source: "https://docs.digitalocean.com/reference/api/oauth-api/",
        keywords: ["doo_v1_", "dor_v1_"],
        pattern: new RegExp(token(String.raw `do[or]_v1_[a-f0-9]{64}`)),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`access_token = "${fake("doo" + "_v1_", 64, HEX, "do-oauth")}"`, `refresh: ${fake("dor" + "_v1_", 64, HEX, "do-refresh")}`],
                falsePositives: [{ text: `doo_v1_${fake("", 32, HEX, "do-short")}`, why: "too short: 64 hex characters follow the prefix" }],
            };
        },
    },
    {
        id: "heroku-api-key",
        description: "Heroku API key (HRKU- format)",
        source: "https://devcenter.heroku.com/articles/authentication",
        keywords: ["hrku-"],
        pattern: new RegExp(token(String.raw `HRKU-AA[\w-]{58}`)),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`HEROKU_API_KEY=${fake("HRKU" + "-AA", 58, BASE64URL, "heroku-new")}`],
                falsePositives: [{ text: `HEROKU_API_KEY=HRKU-<token>`, why: "a template" }],
            };
        },
    },
    {
        id: "heroku-api-key-legacy",
        description: "Heroku API key (legacy UUID format, next to a heroku key name)",
        source: "https://devcenter.heroku.com/articles/authentication",
        keywords: ["heroku"],
        pattern: new RegExp(assigned(`${caseless("heroku")}[\\w.-]{0,20}?(?:${caseless("key")}|${caseless("token")})`, UUID)),
        confidence: "high",
        get samples() {
            return {
                truePositives: [`HEROKU_API_KEY=${fakeUuid("heroku-legacy")}`],
                falsePositives: [{ text: `heroku_app_id: ${fakeUuid("heroku-app")}`, why: "an app ID, not a key" }],
            };
        },
    },
    {
        id: "flyio-access-token",
        description: "Fly.io access token",
        source: "https://fly.io/docs/security/tokens/",
        keywords: ["fo1_", "fm1a_", "fm1r_", "fm2_"],
        pattern: new RegExp(bareToken(String.raw `fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,4096}={0,3}|fm2_[A-Za-z0-9+/]{100,4096}={0,3}`)),
        entropy: 4,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`FLY_API_TOKEN=${fake("fo" + "1_", 43, BASE64URL, "fly-1")}`, `FLY_API_TOKEN="FlyV1 ${fake("fm" + "2_", 200, BASE64, "fly-2")}"`],
                falsePositives: [{ text: `fm2_${fake("", 30, BASE64, "fly-short")}`, why: "too short for a macaroon token" }],
            };
        },
    },
    {
        id: "cloudflare-api-token",
        description: "Cloudflare API token",
        source: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
        keywords: ["cloudflare", "cf_", "cf-"],
        pattern: new RegExp(assigned(`(?:${caseless("cloudflare")}|${caseless("cf")}[_.-])[\\w.-]{0,20}?${caseless("token")}`, "[\\w-]{40}")),
        entropy: 3.5,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`CLOUDFLARE_API_TOKEN=${fake("", 40, BASE64URL, "cf-token")}`, `CF_API_TOKEN: "${fake("", 40, BASE64URL, "cf-token-2")}"`],
                falsePositives: [{ text: `CLOUDFLARE_API_TOKEN=\${{ secrets.CLOUDFLARE_API_TOKEN }}`, why: "a GitHub Actions secret reference" }],
            };
        },
    },
    {
        id: "cloudflare-global-api-key",
        description: "Cloudflare global API key",
        source: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
        keywords: ["cloudflare", "cf_", "cf-", "x-auth-key"],
        pattern: new RegExp(assigned(`(?:${caseless("cloudflare")}|${caseless("cf")}[_.-])[\\w.-]{0,20}?${caseless("key")}|${caseless("x-auth-key")}`, "[a-f0-9]{37}")),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`CLOUDFLARE_API_KEY=${fake("", 37, HEX, "cf-global")}`, `-H "X-Auth-Key: ${fake("", 37, HEX, "cf-global-2")}"`],
                falsePositives: [{ text: `CLOUDFLARE_API_KEY=${fake("", 40, HEX, "cf-sha")}`, why: "40 hex characters (a SHA-1), not the 37 of a global key" }],
            };
        },
    },
    {
        id: "cloudflare-origin-ca-key",
        description: "Cloudflare Origin CA key",
        source: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
        keywords: ["v1.0-"],
        pattern: new RegExp(token(String.raw `v1\.0-[a-f0-9]{24}-[a-f0-9]{146}`)),
        entropy: 3,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`CF_ORIGIN_CA_KEY=${fake("v1" + ".0-", 24, HEX, "cf-ca-1")}-${fake("", 146, HEX, "cf-ca-2")}`],
                falsePositives: [{ text: `version: v1.0-beta`, why: "a version string" }],
            };
        },
    },
    {
        id: "cloudflare-tunnel-token",
        description: "Cloudflare Tunnel token",
        source: "https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/",
        keywords: ["eyjhijoi"],
        // base64 of {"a":"<account tag>","t":"<tunnel id>","s":"<secret>"}.
        pattern: new RegExp(bareToken(String.raw `eyJhIjoi[A-Za-z0-9+/]{80,1024}={0,2}`)),
        entropy: 4,
        confidence: "high",
        get samples() {
            return {
                truePositives: [`cloudflared tunnel run --token ${cloudflareTunnel}`, `TUNNEL_TOKEN=${cloudflareTunnel}`],
                falsePositives: [{ text: `token: ${base64(JSON.stringify({ a: 1 }))}`, why: "a short base64 JSON object, not a tunnel token" }],
            };
        },
    },
];
