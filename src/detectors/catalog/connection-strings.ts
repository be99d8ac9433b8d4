// Credentials inside connection strings: database and broker URLs, JDBC, ODBC/ADO.NET and
// Kafka SASL JAAS configuration. The secret is always the password alone. A stock default
// (`guest:guest`, `airflow:airflow`) is matched too: hardcoded-secret reports it as a weak default.
import type { Detector } from "../types.js";
import { caseless, urlCredentials } from "../patterns.js";
import { fakePassword } from "../samples.js";

/** Stand-ins every URL detector must ignore, in the scheme's own syntax. */
function placeholderUrls(scheme: string, rest: string): { text: string; why: string }[] {
  return [
    { text: `${scheme}://ingest:\${DB_PASS}@${rest}`, why: "the password is an environment reference" },
    { text: `${scheme}://ingest:$PASS@${rest}`, why: "the password is a shell variable" },
    { text: `${scheme}://ingest:<password>@${rest}`, why: "the password is a template" },
    { text: `${scheme}://ingest:changeme@${rest}`, why: "the password is a placeholder word" },
    { text: `${scheme}://ingest:****@${rest}`, why: "the password is masked" },
    { text: `${scheme}://ingest:{{.Values.db.password}}@${rest}`, why: "the password is a Helm template" },
    { text: `${scheme}://ingest:%(pw)s@${rest}`, why: "the password is a Python format field" },
    { text: `${scheme}://ingest:@${rest}`, why: "the password is empty" },
    { text: `${scheme}://ingest@${rest}`, why: "a user without a password" },
  ];
}

/** A `scheme://user:password@host` detector for one family of schemes. */
function urlDetector(spec: {
  id: string;
  description: string;
  source: string;
  keywords: string[];
  scheme: string;
  samples: { scheme: string; rest: string }[];
}): Detector {
  const { id, description, source, keywords, scheme, samples } = spec;
  const first = samples[0] ?? { scheme: keywords[0] ?? "", rest: "" };
  return {
    id,
    description,
    source,
    keywords,
    pattern: new RegExp(urlCredentials(scheme)),
    confidence: "high",
    get samples() {
      return {
        truePositives: samples.map(({ scheme: s, rest }, i) => `DATABASE_URL=${s}://ingest:${fakePassword(`${id}-${i}`)}@${rest}`),
        falsePositives: [
          ...placeholderUrls(first.scheme, first.rest),
          { text: `${first.scheme}://${first.rest}`, why: "no credentials at all" },
        ],
      };
    },
  };
}

export const CONNECTION_STRING_DETECTORS: readonly Detector[] = [
  urlDetector({
    id: "clickhouse-url-credentials",
    description: "Password in a ClickHouse URL",
    source: "https://clickhouse.com/docs/interfaces/jdbc",
    keywords: ["clickhouse"],
    scheme: String.raw`clickhouses?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "clickhouse", rest: "ch.carbon.internal:9000/ingest" },
      { scheme: "clickhouses", rest: "ch.carbon.internal:9440/ingest?secure=true" },
      { scheme: "clickhouse+native", rest: "ch:9000/default" },
    ],
  }),
  urlDetector({
    id: "postgres-url-credentials",
    description: "Password in a PostgreSQL URL (libpq, SQLAlchemy dialect+driver)",
    source: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
    keywords: ["postgres"],
    scheme: String.raw`postgres(?:ql)?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "postgres", rest: "db.carbon.internal:5432/ingest" },
      { scheme: "postgresql", rest: "db:5432/ingest?sslmode=require" },
      { scheme: "postgresql+psycopg2", rest: "db.carbon.internal/ingest" },
    ],
  }),
  urlDetector({
    id: "mysql-url-credentials",
    description: "Password in a MySQL or MariaDB URL",
    source: "https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html",
    keywords: ["mysql", "mariadb"],
    scheme: String.raw`(?:mysql|mariadb)(?:x)?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "mysql", rest: "mysql.carbon.internal:3306/meta" },
      { scheme: "mysql+pymysql", rest: "mysql/meta" },
    ],
  }),
  urlDetector({
    id: "mongodb-url-credentials",
    description: "Password in a MongoDB connection string",
    source: "https://www.mongodb.com/docs/manual/reference/connection-string/",
    keywords: ["mongodb"],
    scheme: String.raw`mongodb(?:\+srv)?`,
    samples: [
      { scheme: "mongodb+srv", rest: "cluster0.abcde.mongodb.net/ingest?retryWrites=true" },
      { scheme: "mongodb", rest: "mongo-0.mongo:27017,mongo-1.mongo:27017/ingest?replicaSet=rs0" },
    ],
  }),
  urlDetector({
    id: "redis-url-credentials",
    description: "Password in a Redis URL",
    source: "https://www.iana.org/assignments/uri-schemes/prov/redis",
    keywords: ["redis"],
    scheme: String.raw`rediss?`,
    samples: [
      { scheme: "redis", rest: "redis.carbon.internal:6379/0" },
      { scheme: "rediss", rest: "cache.carbon.internal:6380" },
    ],
  }),
  urlDetector({
    id: "amqp-url-credentials",
    description: "Password in an AMQP (RabbitMQ) URL",
    source: "https://www.rabbitmq.com/docs/uri-spec",
    keywords: ["amqp"],
    scheme: String.raw`amqps?`,
    samples: [
      { scheme: "amqp", rest: "rabbitmq.carbon.internal:5672/%2f" },
      { scheme: "amqps", rest: "broker.carbon.internal/ingest" },
    ],
  }),
  urlDetector({
    id: "service-url-credentials",
    description: "Password in a URL of another data or messaging service (SQL Server, Snowflake, Neo4j, LDAP, SMTP, FTP, MQTT, NATS…)",
    source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    keywords: ["mssql", "sqlserver", "snowflake", "cockroachdb", "neo4j", "bolt", "ldap", "smtp", "ftp", "mqtt", "nats", "couchbase", "cassandra", "influxdb", "kafka", "pulsar", "oracle", "trino", "presto", "memcached"],
    scheme: String.raw`(?:mssql|sqlserver|snowflake|cockroachdb|neo4j(?:\+s{1,2}c?)?|bolt(?:\+s)?|ldaps?|smtps?|s?ftps?|mqtts?|nats|couchbases?|cassandra|influxdb|kafka|pulsar(?:\+ssl)?|oracle(?:\+[a-z0-9_]{1,20})?|trino|presto|memcached)`,
    samples: [
      { scheme: "mssql", rest: "sql.carbon.internal:1433/meta" },
      { scheme: "snowflake", rest: "xy12345.eu-west-1/ANALYTICS/PUBLIC?warehouse=LOAD" },
      { scheme: "smtps", rest: "smtp.carbon.dev:465" },
      { scheme: "ldaps", rest: "ldap.carbon.internal:636" },
    ],
  }),
  {
    id: "jdbc-url-credentials",
    description: "Password in a JDBC URL's userinfo (jdbc:…://user:password@host)",
    source: "https://docs.oracle.com/en/java/javase/21/docs/api/java.sql/java/sql/DriverManager.html",
    keywords: ["jdbc:"],
    pattern: new RegExp(urlCredentials(String.raw`jdbc:[a-z0-9]{2,20}(?::[a-z0-9]{1,20})?`)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `spring.datasource.url=jdbc:mysql://ingest:${fakePassword("jdbc-ui-1")}@mysql:3306/meta`,
          `url: jdbc:postgresql://ingest:${fakePassword("jdbc-ui-2")}@db.carbon.internal:5432/ingest`,
        ],
        falsePositives: [
          { text: `spring.datasource.url=jdbc:postgresql://db:5432/ingest`, why: "no credentials in the URL" },
          { text: `url: jdbc:postgresql://ingest:\${DB_PASSWORD}@db:5432/ingest`, why: "the password is a reference" },
        ],
      };
    },
  },
  {
    id: "jdbc-password-parameter",
    description: "Password in a JDBC URL's parameters (?password=, ;password=)",
    source: "https://jdbc.postgresql.org/documentation/use/#connection-parameters",
    keywords: ["jdbc:"],
    pattern: new RegExp(
      String.raw`(?<![\w.-])jdbc:[a-z0-9]{2,20}(?::[a-z0-9]{1,20})?:(?://|@)[^\s'"\x60<>]{1,512}?[?;&]${caseless("password")}=(?<secret>[^\s&;'"\x60<>]{1,256})`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `jdbc:postgresql://db.carbon.internal:5432/ingest?user=ingest&password=${fakePassword("jdbc-p-1")}&ssl=true`,
          `jdbc:sqlserver://sql.carbon.internal:1433;databaseName=meta;user=ingest;password=${fakePassword("jdbc-p-2")};encrypt=true`,
          `jdbc:clickhouse://ch:8123/default?user=ingest&password=${fakePassword("jdbc-p-3")}`,
        ],
        falsePositives: [
          { text: `jdbc:postgresql://db:5432/ingest?user=ingest&password=\${DB_PASSWORD}`, why: "the password is a reference" },
          { text: `jdbc:postgresql://db:5432/ingest?user=ingest&passwordFile=/run/secrets/pw`, why: "a password file, not a password" },
        ],
      };
    },
  },
  {
    id: "jdbc-oracle-thin-credentials",
    description: "Password in an Oracle thin JDBC URL (jdbc:oracle:thin:user/password@host)",
    source: "https://docs.oracle.com/en/database/oracle/oracle-database/23/jjdbc/data-sources-and-URLs.html",
    keywords: ["jdbc:oracle:thin:"],
    pattern: new RegExp(String.raw`(?<![\w.-])jdbc:oracle:thin:(?<user>[\w$#]{1,128})/(?<secret>[^\s@/'"\x60<>]{1,256})@`),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`url=jdbc:oracle:thin:ingest/${fakePassword("oracle")}@//ora.carbon.internal:1521/ORCLPDB1`],
        falsePositives: [
          { text: `url=jdbc:oracle:thin:@//ora.carbon.internal:1521/ORCLPDB1`, why: "no credentials in the URL" },
          { text: `url=jdbc:oracle:thin:ingest/\${ORACLE_PASSWORD}@//ora:1521/ORCLPDB1`, why: "the password is a reference" },
        ],
      };
    },
  },
  {
    id: "odbc-connection-string-password",
    description: "Password in an ODBC or ADO.NET connection string (Server=…;Password=…)",
    source: "https://learn.microsoft.com/dotnet/framework/data/adonet/connection-string-syntax",
    keywords: ["password=", "pwd="],
    pattern: new RegExp(
      String.raw`(?<![\w])(?:${caseless("server")}|${caseless("data source")}|${caseless("host")}|${caseless("address")})\s{0,3}=[^;\n]{1,256};[^\n]{0,512}?(?<![\w])(?:${caseless("password")}|${caseless("pwd")})\s{0,3}=\s{0,3}(?<secret>[^;\n"'<>]{1,256})`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `"ConnectionStrings": {"Meta": "Server=sql.carbon.internal,1433;Database=meta;User Id=ingest;Password=${fakePassword("odbc-1")};Encrypt=True"}`,
          `DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql;DATABASE=meta;UID=ingest;PWD=${fakePassword("odbc-2")}`,
        ],
        falsePositives: [
          { text: `Server=sql;Database=meta;Integrated Security=true`, why: "Windows authentication, no password" },
          { text: `Server=sql;Database=meta;User Id=ingest;Password=\${SQL_PASSWORD}`, why: "the password is a reference" },
        ],
      };
    },
  },
  {
    id: "libpq-dsn-password",
    description: "Password in a libpq keyword/value connection string (host=… password=…)",
    source: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE",
    keywords: ["password="],
    // psycopg2.connect("host=db dbname=ingest user=ingest password=…"); ';' would make it ODBC. The
    // password ends where a keyword/value pair ends (a space, a quote, the string's end): a ',' or ')'
    // after it is a call's argument list, `Client(host="db", password=pw, ssl=False)`.
    pattern: new RegExp(
      String.raw`(?<![\w])(?:host|hostaddr|dbname)\s{0,3}=[^\n;]{1,512}?(?<![\w])password\s{0,3}=\s{0,3}'?(?<secret>[^\s'"\x60;<>,()]{1,256})(?=[\s'"\x60;<>\\]|$)`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `conn = psycopg2.connect("host=db.carbon.internal port=5432 dbname=ingest user=ingest password=${fakePassword("libpq-1")} sslmode=require")`,
          `PGDSN='host=db dbname=ingest password=\'${fakePassword("libpq-2")}\''`,
        ],
        falsePositives: [
          { text: `conn = psycopg2.connect("host=db dbname=ingest user=ingest password=%s" % pw)`, why: "the password is a format field" },
          { text: `conn = psycopg2.connect(f"host={host} dbname=ingest password={password}")`, why: "the password is interpolated" },
          { text: `client = Client(host="db", password=db_password_from_env, ssl=False)`, why: "keyword arguments of a call, not a keyword/value string" },
        ],
      };
    },
  },
  {
    id: "kafka-jaas-password",
    description: "Password in a Kafka SASL JAAS configuration (PLAIN or SCRAM login module)",
    source: "https://kafka.apache.org/documentation/#security_sasl_plain_clientconfig",
    keywords: ["loginmodule"],
    // sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="x" password="y";
    pattern: new RegExp(
      String.raw`org\.apache\.kafka\.common\.security\.(?:plain\.PlainLoginModule|scram\.ScramLoginModule)\s{1,8}required\b[^;]{0,512}?\bpassword\s{0,3}=\s{0,3}\\?["'](?<secret>[^"'\\\s;]{1,256})\\?["']`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ingest" password="${fakePassword("kafka-1")}";`,
          `KAFKA_SASL_JAAS_CONFIG: "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"ingest\\" password=\\"${fakePassword("kafka-2")}\\";"`,
        ],
        falsePositives: [
          {
            text: `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ingest" password="\${KAFKA_PASSWORD}";`,
            why: "the password is a reference",
          },
          { text: `sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;`, why: "OAuth login carries no password" },
        ],
      };
    },
  },
];
