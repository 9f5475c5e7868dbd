package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GitHub's pagination of lists: {@code per_page} (30 unless asked, at most 100) and {@code page},
 * with a {@code Link} header naming the next and last pages. Served for real because a client that
 * reads only the first page finds nothing past the 30th item, which is how a marker issue or
 * comment gets duplicated on a busy repository.
 */
final class Paging {
  private static final int DEFAULT_PER_PAGE = 30;
  private static final int MAX_PER_PAGE = 100;

  private Paging() {}

  static Reply page(
      String api, String path, Map<String, String> query, List<? extends JsonNode> all) {
    int perPage = Math.min(MAX_PER_PAGE, intOr(query.get("per_page"), DEFAULT_PER_PAGE));
    int page = Math.max(1, intOr(query.get("page"), 1));
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    ArrayNode items = GitHubJson.MAPPER.createArrayNode();
    for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
      items.add(all.get(i));
    }
    if (last == 1) {
      return Reply.ok(items);
    }
    StringBuilder link = new StringBuilder();
    if (page < last) {
      link.append(link(api, path, query, page + 1, perPage, "next")).append(", ");
      link.append(link(api, path, query, last, perPage, "last"));
    }
    if (page > 1) {
      if (link.length() > 0) {
        link.append(", ");
      }
      link.append(link(api, path, query, 1, perPage, "first")).append(", ");
      link.append(link(api, path, query, page - 1, perPage, "prev"));
    }
    return new Reply(200, items, Map.of("Link", link.toString()));
  }

  private static String link(
      String api, String path, Map<String, String> query, int page, int perPage, String rel) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("per_page", String.valueOf(perPage));
    q.put("page", String.valueOf(page));
    String raw =
        q.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return "<" + api + path + "?" + raw + ">; rel=\"" + rel + "\"";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int intOr(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
