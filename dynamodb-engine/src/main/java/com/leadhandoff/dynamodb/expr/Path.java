package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document path (Developer Guide, "Specifying item attributes when using expressions"): a
 * top-level attribute name followed by map keys ({@code .name}) and list indexes ({@code [3]}).
 */
public record Path(List<Element> elements) {
  public Path {
    elements = List.copyOf(elements);
  }

  /** One step of a path. */
  public sealed interface Element {}

  /** A map key (or the top-level attribute name), already resolved from any {@code #name}. */
  public record Key(String name) implements Element {}

  /** A list index. */
  public record Index(int index) implements Element {}

  /** A path of one top-level attribute. */
  public static Path of(String attribute) {
    return new Path(List.of(new Key(attribute)));
  }

  /** The top-level attribute name. */
  public String attribute() {
    return ((Key) elements.get(0)).name();
  }

  /** True if the path is a bare top-level attribute name. */
  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** The value at this path in {@code item}, or null if the item has none there. */
  public AttributeValue resolve(Map<String, AttributeValue> item) {
    List<Element> es = elements;
    AttributeValue value = item.get(((Key) es.get(0)).name());
    for (int i = 1, n = es.size(); i < n && value != null; i++) {
      Element e = es.get(i);
      if (e instanceof Key k) {
        value = value instanceof AttributeValue.M m ? m.value().get(k.name()) : null;
      } else {
        int index = ((Index) e).index();
        if (value instanceof AttributeValue.L l && index < l.value().size()) {
          value = l.value().get(index);
        } else {
          value = null;
        }
      }
    }
    return value;
  }

  /** The path as DynamoDB prints it in error messages: {@code [a, b, [0]]}. */
  public String display() {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Element e = elements.get(i);
      if (e instanceof Key k) {
        out.append(k.name());
      } else {
        out.append('[').append(((Index) e).index()).append(']');
      }
    }
    return out.append(']').toString();
  }

  /**
   * Returns {@code item} reduced to the given paths, as ProjectionExpression and UPDATED_OLD /
   * UPDATED_NEW return it: nested maps keep only the projected keys, lists only the projected
   * elements (in index order, compacted), absent paths are left out.
   */
  public static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, List<Path> paths) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Path path : paths) {
      AttributeValue value = path.resolve(item);
      if (value == null) {
        continue;
      }
      List<Element> es = path.elements;
      if (es.size() == 1) {
        root.put(path.attribute(), value);
        continue;
      }
      // Walk/create builder nodes: LinkedHashMap for map levels, TreeMap for list levels.
      Object node = root;
      Object key = path.attribute();
      for (int i = 1; i < es.size(); i++) {
        Element next = es.get(i);
        Object child = get(node, key);
        boolean wantList = next instanceof Index;
        if (!(child instanceof Map<?, ?>) || wantList != (child instanceof TreeMap<?, ?>)) {
          // Whole value already projected at this level (or nothing yet): a finer path adds
          // nothing to a whole value; otherwise start a node.
          if (child instanceof AttributeValue) {
            node = null;
            break;
          }
          child = wantList ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
          put(node, key, child);
        }
        node = child;
        key = next instanceof Key k ? k.name() : (Object) ((Index) next).index();
      }
      if (node != null) {
        put(node, key, value);
      }
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : root.entrySet()) {
      out.put(e.getKey(), build(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object get(Object node, Object key) {
    return ((Map<Object, Object>) node).get(key);
  }

  @SuppressWarnings("unchecked")
  private static void put(Object node, Object key, Object value) {
    ((Map<Object, Object>) node).put(key, value);
  }

  @SuppressWarnings("unchecked")
  private static AttributeValue build(Object node) {
    if (node instanceof AttributeValue v) {
      return v;
    }
    if (node instanceof TreeMap<?, ?> list) {
      List<AttributeValue> out = new ArrayList<>(list.size());
      for (Object child : list.values()) {
        out.add(build(child));
      }
      return new AttributeValue.L(out);
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
      out.put(e.getKey(), build(e.getValue()));
    }
    return new AttributeValue.M(out);
  }
}
