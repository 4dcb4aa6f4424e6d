package org.outreach.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.outreach.campaign.Campaign;
import org.outreach.workspace.Workspace;

/**
 * A campaign's content: the definition and every template it uses, by workspace path (kept in the database at
 * launch: unsent messages are rendered from this copy), and a SHA-256 of each of those files, of the contacts
 * file and of the attachments. The hash over all of them is what a reviewer approves and what launch compares;
 * the per-file digests say what changed. (Attachments are hashed, not copied: they are read from the workspace
 * when a message is sent.)
 */
public record CampaignContent(String definitionPath, Map<String, String> files, Map<String, String> digests, String hash) {

    public static CampaignContent of(Workspace workspace, Campaign campaign, Map<String, String> templatesUsed,
                                     Collection<Path> attachments) {
        Map<String, String> files = new TreeMap<>();
        String definitionPath = workspace.display(campaign.file());
        files.put(definitionPath, read(campaign.file()));
        templatesUsed.forEach((name, text) -> files.put("templates/" + name, text));
        Map<String, String> digests = new TreeMap<>();
        files.forEach((path, text) -> digests.put(path, sha256(text.getBytes(StandardCharsets.UTF_8))));
        digests.put(workspace.display(campaign.contacts()), fileDigest(campaign.contacts()));
        for (Path attachment : attachments) {
            digests.put(workspace.display(attachment), fileDigest(attachment));
        }
        StringBuilder all = new StringBuilder();
        digests.forEach((path, digest) -> all.append(path).append('\0').append(digest).append('\n'));
        return new CampaignContent(definitionPath, new LinkedHashMap<>(files), digests,
                sha256(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of the contacts file of this content, as an approval and a launch record it. */
    public String contactsDigest(Workspace workspace, Campaign campaign) {
        return digests.get(workspace.display(campaign.contacts()));
    }

    /** A SHA-256 of a file's bytes, as this content records it. */
    static String fileDigest(Path file) {
        return sha256(bytes(file));
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of {@code data}, in hex: how the project names contents (files, messages without a Message-ID). */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
