package dev.cadet.cli.internal.generate;

import dev.cadet.cli.internal.demo.Identities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.cadet.cli.internal.demo.CloudTrailRecord.map;

/**
 * Who acts in a generated corpus, per account: IAM users with home addresses, SSO administrators,
 * application roles with a few sessions each, instances with their role sessions and private addresses,
 * and the automation (SSM State Manager, a CI user, a Terraform role). Built once from the seed and then
 * only read, by every writer thread.
 */
final class Population {

    static final String CI_IP = "203.0.113.10";
    /** The company's office egress addresses. */
    static final int OFFICE_IPS = 24;

    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
            "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
            "yara", "zoe", "omar", "lena", "ken", "mei", "raj", "sofia", "tariq", "uma", "wei"};
    private static final String[] LAST = {"smith", "jones", "garcia", "miller", "davis", "martinez", "lopez",
            "wilson", "anderson", "thomas", "moore", "jackson", "martin", "lee", "perez", "thompson", "white",
            "harris", "clark", "lewis", "walker", "hall", "young", "king", "wright", "scott", "green", "baker"};
    private static final String[] SERVICES = {"orders", "billing", "search", "catalog", "payments", "ingest",
            "reports", "auth", "media", "notify", "ledger", "pricing", "etl", "analytics", "backup"};
    private static final String[] INSTANCE_ROLES = {"web-instance-role", "app-instance-role", "batch-instance-role"};
    private static final int[] FIRST_OCTETS = {24, 50, 67, 68, 71, 73, 76, 81, 86, 92, 98, 99, 108, 174, 184, 188};

    /** One actor: its {@code userIdentity}, the address it calls from and its user agent family. */
    record Actor(Map<String, Object> identity, String ip, boolean console, String accessKey) {
    }

    /** One account's principals. */
    static final class Account {
        final String id;
        final double activity;
        final List<Actor> users = new ArrayList<>();
        final List<Actor> consoleUsers = new ArrayList<>();
        final List<Actor> admins = new ArrayList<>();
        final List<Actor> roleSessions = new ArrayList<>();
        final List<Actor> instanceSessions = new ArrayList<>();
        final List<String> instances = new ArrayList<>();
        final List<String> buckets = new ArrayList<>();
        final List<String> roleNames = new ArrayList<>();
        final Actor ssm;
        final Actor ci;
        final Actor terraform;

        Account(String id, double activity, SplittableRandom rng, List<String> officeIps) {
            this.id = id;
            this.activity = activity;
            for (int i = 0; i < 400; i++) {
                String name = FIRST[rng.nextInt(FIRST.length)] + "." + LAST[rng.nextInt(LAST.length)] + (i + 1);
                String principalId = "AIDA" + token(rng, 17);
                String key = "AKIA" + token(rng, 16);
                boolean console = rng.nextInt(4) == 0;
                String ip = rng.nextInt(3) == 0 ? officeIps.get(rng.nextInt(officeIps.size())) : publicIp(rng);
                Actor user = new Actor(Identities.iamUser(id, name, principalId, console ? "ASIA" + token(rng, 16)
                        : key, console ? Boolean.TRUE : null), ip, console, key);
                users.add(user);
                if (console) {
                    consoleUsers.add(user);
                }
            }
            String sso = "AWSReservedSSO_AdministratorAccess_" + hex(rng, 16);
            String ssoArn = "arn:aws:iam::" + id + ":role/aws-reserved/sso.amazonaws.com/" + sso;
            for (int i = 0; i < 40; i++) {
                String email = FIRST[rng.nextInt(FIRST.length)] + "." + LAST[rng.nextInt(LAST.length)] + i
                        + "@example.com";
                admins.add(new Actor(Identities.assumedRole(id, ssoArn, sso, email, true),
                        rng.nextInt(2) == 0 ? officeIps.get(rng.nextInt(officeIps.size())) : publicIp(rng), true, null));
            }
            for (int i = 0; i < 120; i++) {
                String role = "svc-" + SERVICES[i % SERVICES.length] + "-" + (i / SERVICES.length + 1);
                roleNames.add(role);
                String roleArn = "arn:aws:iam::" + id + ":role/" + role;
                for (int s = 0; s < 3; s++) {
                    String session = s == 0 ? role + "-fn" : "botocore-session-" + (1_700_000_000 + rng.nextInt(9_000_000));
                    roleSessions.add(new Actor(Identities.assumedRole(id, roleArn, role, session, false),
                            s == 0 ? serviceHost("lambda") : "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "."
                                    + (1 + rng.nextInt(254)), false, null));
                }
            }
            for (int i = 0; i < 600; i++) {
                String instance = "i-0" + hex(rng, 16);
                instances.add(instance);
                String role = INSTANCE_ROLES[i % INSTANCE_ROLES.length];
                instanceSessions.add(new Actor(Identities.assumedRole(id, "arn:aws:iam::" + id + ":role/" + role, role,
                        instance, false), "10." + (i % 4) + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254)),
                        false, null));
            }
            for (int i = 0; i < 60; i++) {
                buckets.add("acme-" + SERVICES[i % SERVICES.length] + "-" + id.substring(8) + "-" + (i + 1));
            }
            Map<String, Object> ssmRole = Identities.assumedRole(id, "arn:aws:iam::" + id
                            + ":role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM",
                    "AWSServiceRoleForAmazonSSM", "StateManagerService", false);
            ssmRole.put("invokedBy", "ssm.amazonaws.com");
            ssm = new Actor(ssmRole, "ssm.amazonaws.com", false, null);
            ci = new Actor(Identities.iamUser(id, "ci-deploy", "AIDA" + token(rng, 17), "AKIA" + token(rng, 16), null),
                    CI_IP, false, null);
            terraform = new Actor(Identities.assumedRole(id, "arn:aws:iam::" + id + ":role/terraform-apply",
                    "terraform-apply", "terraform-run", false), CI_IP, false, null);
        }
    }

    final List<String> officeIps = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();

    Population(long seed, List<String> accountIds, double[] activity) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < OFFICE_IPS; i++) {
            officeIps.add("198.51.100." + (10 + i));
        }
        for (int i = 0; i < accountIds.size(); i++) {
            accounts.add(new Account(accountIds.get(i), activity[i], rng, officeIps));
        }
    }

    /** Service principal host for a service name, as CloudTrail writes it in sourceIPAddress. */
    static String serviceHost(String service) {
        return service + ".amazonaws.com";
    }

    static String publicIp(SplittableRandom rng) {
        return FIRST_OCTETS[rng.nextInt(FIRST_OCTETS.length)] + "." + rng.nextInt(256) + "." + rng.nextInt(256) + "."
                + (1 + rng.nextInt(254));
    }

    static String token(SplittableRandom rng, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String hex(SplittableRandom rng, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(Character.forDigit(rng.nextInt(16), 16));
        }
        return b.toString();
    }

    /** A version-4 UUID from the generator, as CloudTrail writes event and request ids. */
    static String uuid(SplittableRandom rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        return new java.util.UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    /** A skewed pick: low indexes much more often, as a few principals make most calls. */
    static <T> T skewed(List<T> items, SplittableRandom rng) {
        double u = rng.nextDouble();
        return items.get((int) (items.size() * u * u * u));
    }

    static <T> T any(List<T> items, SplittableRandom rng) {
        return items.get(rng.nextInt(items.size()));
    }

    static Map<String, Object> tls(String host) {
        return map("tlsVersion", "TLSv1.3", "cipherSuite", "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader", host);
    }
}
