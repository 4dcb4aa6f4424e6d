package org.outreach.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.outreach.campaign.Campaign;
import org.outreach.workspace.Workspace;

/**
 * A campaign's content as launched: the definition and every template it used, by workspace path, and a
 * SHA-256 over those, the contacts file and the attachments. Unsent messages are rendered from this copy, so
 * editing the files after a launch changes nothing until the next launch; the hash tells whether anything
 * changed. (Attachments are hashed, not copied: they are read from the workspace when a message is sent.)
 */
public record CampaignContent(String definitionPath, Map<String, String> files, String hash) {

    public static CampaignContent of(Workspace workspace, Campaign campaign, Map<String, String> templatesUsed,
                                     java.util.Collection<Path> attachments) {
        Map<String, String> files = new TreeMap<>();
        String definitionPath = workspace.display(campaign.file());
        files.put(definitionPath, read(campaign.file()));
        templatesUsed.forEach((name, text) -> files.put("templates/" + name, text));
        MessageDigest digest = sha256();
        files.forEach((path, text) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        digest.update(workspace.display(campaign.contacts()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try {
            digest.update(Files.readAllBytes(campaign.contacts()));
            for (Path attachment : new java.util.TreeSet<>(attachments)) {
                digest.update(workspace.display(attachment).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(attachment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CampaignContent(definitionPath, new LinkedHashMap<>(files), HexFormat.of().formatHex(digest.digest()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
